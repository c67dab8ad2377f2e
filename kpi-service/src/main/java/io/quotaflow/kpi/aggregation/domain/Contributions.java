package io.quotaflow.kpi.aggregation.domain;

import io.quotaflow.events.activity.ActivityEvent;
import io.quotaflow.events.activity.DealCancelled;
import io.quotaflow.events.activity.DealClosed;
import io.quotaflow.events.activity.EngagementSignalled;
import io.quotaflow.events.activity.FollowUpChannel;
import io.quotaflow.events.activity.FollowUpLogged;
import io.quotaflow.events.activity.LeadCreated;
import io.quotaflow.events.activity.LeadQualified;
import io.quotaflow.events.activity.OpportunityStageChanged;
import io.quotaflow.events.activity.PaymentCollected;
import io.quotaflow.kpi.calendar.BusinessCalendar;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What each activity event means for the figures. Leads, qualified leads, follow-ups, engagement signals and payments
 * without a deal add a row of their own; the events of a deal (stage changes, win, cancellation, payments against it)
 * change the deal's {@link DealFacts}, whose rows are what counts.
 */
public final class Contributions {

    private final Attributor attributor;
    private final BusinessCalendar calendar;

    public Contributions(Attributor attributor, BusinessCalendar calendar) {
        this.attributor = attributor;
        this.calendar = calendar;
    }

    public BusinessCalendar calendar() {
        return calendar;
    }

    /** The deal an event is about, if its figures depend on the deal's other facts. */
    public static Optional<String> dealOf(ActivityEvent event) {
        String dealId = null;
        if (event instanceof DealClosed closed) {
            dealId = closed.dealId();
        } else if (event instanceof DealCancelled cancelled) {
            dealId = cancelled.dealId();
        } else if (event instanceof PaymentCollected payment) {
            dealId = payment.dealId();
        } else if (event instanceof OpportunityStageChanged stage) {
            dealId = stage.dealId();
        }
        return dealId == null || dealId.isBlank() ? Optional.empty() : Optional.of(dealId);
    }

    /** The row of an event that stands on its own (not about a deal); empty for deal events and unknown ones. */
    public Optional<Row> direct(ActivityEvent event) {
        if (dealOf(event).isPresent()) {
            return Optional.empty();
        }
        LocalDate day = calendar.day(event.occurredAt());
        Map<Measure, BigDecimal> values = new EnumMap<>(Measure.class);
        if (event instanceof LeadCreated lead) {
            values.put(Measure.LEADS, BigDecimal.ONE);
            return row(event, day, lead.regionId(), lead.productLine(), lead.channel(), lead.promotionCode(), values);
        }
        if (event instanceof LeadQualified qualified) {
            values.put(Measure.QUALIFIED_LEADS, BigDecimal.ONE);
            return row(event, day, null, qualified.productLine(), qualified.channel(), null, values);
        }
        if (event instanceof FollowUpLogged followUp) {
            values.put(Measure.FOLLOW_UPS, BigDecimal.ONE);
            if (followUp.channel() == FollowUpChannel.CALL) {
                values.put(Measure.CALLS, BigDecimal.ONE);
            } else if (followUp.channel() == FollowUpChannel.VISIT) {
                values.put(Measure.VISITS, BigDecimal.ONE);
            }
            return row(event, day, null, null, null, null, values);
        }
        if (event instanceof EngagementSignalled) {
            values.put(Measure.ENGAGEMENTS, BigDecimal.ONE);
            return row(event, day, null, null, null, null, values);
        }
        if (event instanceof PaymentCollected payment && payment.amount() != null) {
            values.put(Measure.COLLECTIONS, payment.amount());
            return row(event, day, null, null, null, null, values);
        }
        return Optional.empty();
    }

    private Optional<Row> row(ActivityEvent event, LocalDate day, String eventRegion, String productLine,
                              io.quotaflow.events.activity.LeadChannel channel, String promotion,
                              Map<Measure, BigDecimal> values) {
        Attribution by = attributor.of(event.repId(), day, eventRegion);
        return Optional.of(new Row(day, by.rep(), by.team(), by.region(), blankToNull(productLine), channel, promotion,
                values));
    }

    /** The deal's facts once {@code event} (one of its events) is known too. */
    public DealFacts fold(DealFacts facts, ActivityEvent event, UUID eventId) {
        LocalDate day = calendar.day(event.occurredAt());
        if (event instanceof DealClosed closed) {
            BigDecimal amount = closed.amount() == null ? BigDecimal.ZERO : closed.amount();
            return facts.withWon(new DealFacts.Won(eventId, closed.occurredAt(), blankToNull(closed.customerId()), amount,
                    margin(closed, amount), blankToNull(closed.productLine()), closed.channel(), closed.promotionCode(),
                    closed.opportunityCreatedAt(), closed.dueDate(),
                    attributor.of(closed.repId(), day, closed.regionId())));
        }
        if (event instanceof DealCancelled) {
            return facts.withCancellation(new DealFacts.Cancellation(eventId, event.occurredAt()));
        }
        if (event instanceof PaymentCollected payment) {
            BigDecimal amount = payment.amount() == null ? BigDecimal.ZERO : payment.amount();
            return facts.withPayment(new DealFacts.Payment(eventId, payment.occurredAt(), amount,
                    attributor.of(payment.repId(), day, null)));
        }
        if (event instanceof OpportunityStageChanged stage) {
            return facts.withStage(stage.occurredAt(), stage.opportunityCreatedAt(),
                    () -> attributor.of(stage.repId(), day, null));
        }
        return facts;
    }

    /** The deal's own margin, or else its product line's margin ratio times its amount, or else none. */
    private BigDecimal margin(DealClosed closed, BigDecimal amount) {
        if (closed.grossMargin() != null) {
            return closed.grossMargin();
        }
        if (closed.productLine() == null) {
            return null;
        }
        return attributor.org().grossMarginOf(closed.productLine())
                .map(ratio -> amount.multiply(ratio).setScale(2, RoundingMode.HALF_UP)).orElse(null);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
