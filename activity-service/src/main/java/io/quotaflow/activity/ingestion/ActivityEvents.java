package io.quotaflow.activity.ingestion;

import io.quotaflow.activity.rates.Conversion;
import io.quotaflow.events.EventIds;
import io.quotaflow.events.activity.ActivityEvent;
import io.quotaflow.events.activity.DealCancelled;
import io.quotaflow.events.activity.DealClosed;
import io.quotaflow.events.activity.EngagementSignalled;
import io.quotaflow.events.activity.FollowUpChannel;
import io.quotaflow.events.activity.FollowUpLogged;
import io.quotaflow.events.activity.LeadChannel;
import io.quotaflow.events.activity.LeadCreated;
import io.quotaflow.events.activity.LeadQualified;
import io.quotaflow.events.activity.OpportunityStageChanged;
import io.quotaflow.events.activity.PaymentCollected;
import io.quotaflow.events.ingest.ActivityReported;

import java.util.UUID;

/** The activity event a valid canonical activity becomes, and its deterministic id. */
public final class ActivityEvents {

    private ActivityEvents() {
    }

    /** {@code EventIds.of(source, externalId, type)}: a retry of the same activity gets the same id, whatever else changed. */
    public static UUID idOf(ActivityReported activity) {
        return idOf(activity.source(), activity.externalId(), activity.type().name());
    }

    public static UUID idOf(String source, String externalId, String type) {
        return EventIds.of(source, externalId, type);
    }

    /**
     * The event, for the resolved rep, with amounts converted to the reporting currency ({@code conversion} is
     * {@code null} when the activity carries no amount).
     */
    static ActivityEvent toEvent(ActivityReported a, String repId, Conversion conversion) {
        String currency = conversion == null ? null : conversion.to();
        String original = conversion == null ? null : conversion.from();
        switch (a.type()) {
            case LEAD_CREATED:
                return new LeadCreated(a.source(), a.externalId(), repId, a.customerId(), leadChannel(a),
                        a.productLine(), a.regionId(), a.promotionCode(), a.occurredAt());
            case LEAD_QUALIFIED:
                return new LeadQualified(a.source(), a.externalId(), repId, a.customerId(), leadChannel(a),
                        a.productLine(), a.occurredAt());
            case FOLLOW_UP_LOGGED:
                return new FollowUpLogged(a.source(), a.externalId(), repId, a.customerId(),
                        FollowUpChannel.valueOf(a.channel()), a.durationSeconds(), a.dealId(), a.occurredAt());
            case OPPORTUNITY_STAGE_CHANGED:
                return new OpportunityStageChanged(a.source(), a.externalId(), repId, a.customerId(), a.dealId(),
                        a.stage(), convert(conversion, a), currency, a.opportunityCreatedAt(), a.occurredAt(),
                        a.amount(), original);
            case DEAL_CLOSED:
                return new DealClosed(a.source(), a.externalId(), repId, a.customerId(), a.dealId(),
                        convert(conversion, a), currency, a.amount(), original,
                        conversion == null ? null : conversion.apply(a.grossMargin()), a.productLine(), a.regionId(),
                        leadChannel(a), a.promotionCode(), a.opportunityCreatedAt(), a.dueDate(), a.occurredAt());
            case DEAL_CANCELLED:
                return new DealCancelled(a.source(), a.externalId(), repId, a.customerId(), a.dealId(), a.reason(),
                        a.occurredAt());
            case PAYMENT_COLLECTED:
                return new PaymentCollected(a.source(), a.externalId(), repId, a.customerId(), a.dealId(),
                        convert(conversion, a), currency, a.amount(), original, a.dueDate(), a.occurredAt());
            case ENGAGEMENT_SIGNALLED:
                return new EngagementSignalled(a.source(), a.externalId(), repId, a.customerId(), a.signal(),
                        a.durationSeconds(), a.occurredAt());
            default:
                throw new IllegalArgumentException("no event for " + a.type());
        }
    }

    private static java.math.BigDecimal convert(Conversion conversion, ActivityReported a) {
        return conversion == null ? null : conversion.apply(a.amount());
    }

    private static LeadChannel leadChannel(ActivityReported a) {
        return a.channel() == null ? null : LeadChannel.valueOf(a.channel());
    }
}
