package io.quotaflow.incentive.award;

import io.quotaflow.events.TargetMetric;
import io.quotaflow.events.activity.ActivityEvent;
import io.quotaflow.events.activity.DealCancelled;
import io.quotaflow.events.activity.DealClosed;
import io.quotaflow.events.activity.FollowUpChannel;
import io.quotaflow.events.activity.FollowUpLogged;
import io.quotaflow.events.activity.PaymentCollected;
import io.quotaflow.incentive.domain.AwardIds;
import io.quotaflow.incentive.domain.BusinessCalendar;
import io.quotaflow.incentive.domain.Commission;
import io.quotaflow.incentive.domain.CommissionRule;
import io.quotaflow.incentive.domain.IncentivePlan;
import io.quotaflow.incentive.domain.MinimumActivity;
import io.quotaflow.incentive.domain.PayOn;
import io.quotaflow.incentive.domain.PerUnitRule;
import io.quotaflow.incentive.domain.Unit;
import io.quotaflow.incentive.plan.PlanCatalog;
import io.quotaflow.platform.consumption.Batch;
import io.quotaflow.platform.consumption.Delivery;
import io.quotaflow.platform.consumption.Doc;
import io.quotaflow.platform.consumption.Prefetch;
import io.quotaflow.platform.consumption.Projection;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Commission, SPIFFs and clawbacks from {@code sales-activities}. Per (rep, period) a state document holds the
 * period's totals (revenue, margin, money collected, activity counts; overall and per governing plan) and every
 * award's running state; per deal a document remembers the deal, its cancellation and what it credited.
 *
 * <p>Commission is one running award per (plan, rule, rep, period): each event pays what the period's totals owe
 * now minus what was credited before ({@link Commission}), so the total paid never depends on the order events
 * arrive in, and a cancellation takes back exactly what the lost revenue had earned. A cancellation that arrives
 * before its deal is remembered, and the deal then pays nothing. Per-deal SPIFFs are one award per deal, new-customer
 * SPIFFs one per customer; both are clawed back when their deal is cancelled.
 */
@Component
public class SalesAwards implements Projection<ActivityEvent> {

    private final Governing governing;
    private final PlanCatalog plans;
    private final BusinessCalendar calendar;
    private final int lookback;

    public SalesAwards(Governing governing, PlanCatalog plans, BusinessCalendar calendar, AwardProperties properties) {
        this.governing = governing;
        this.plans = plans;
        this.calendar = calendar;
        this.lookback = properties.lookbackPeriods();
    }

    @Override
    public Set<String> collections() {
        return Set.of(IncentiveCollections.REP_SALES, IncentiveCollections.DEALS, IncentiveCollections.CUSTOMERS,
                IncentiveCollections.AWARDS, IncentiveCollections.PAYEES);
    }

    @Override
    public void prefetch(List<Delivery<ActivityEvent>> deliveries, Prefetch prefetch) {
        for (Delivery<ActivityEvent> delivery : deliveries) {
            ActivityEvent event = delivery.payload();
            YearMonth period = calendar.period(event.occurredAt());
            for (int back = 0; back <= lookback; back++) {
                YearMonth earlier = period.minusMonths(back);
                prefetch.need(IncentiveCollections.REP_SALES, IncentiveCollections.id(event.repId(), earlier));
                prefetch.need(IncentiveCollections.TARGETS, IncentiveCollections.id(event.repId(), earlier));
                Routing.need(prefetch, earlier);
            }
            dealId(event).ifPresent(deal -> prefetch.need(IncentiveCollections.DEALS, key(event.repId(), deal)));
            if ((event instanceof DealClosed || event instanceof DealCancelled) && event.customerId() != null) {
                prefetch.need(IncentiveCollections.CUSTOMERS, key(event.repId(), event.customerId()));
            }
        }
    }

    @Override
    public void apply(Delivery<ActivityEvent> delivery, Batch batch) {
        ActivityEvent event = delivery.payload();
        if (event instanceof DealClosed closed) {
            closed(closed, delivery.eventId(), batch);
        } else if (event instanceof DealCancelled cancelled) {
            cancelled(cancelled, delivery.eventId(), batch);
        } else if (event instanceof PaymentCollected payment) {
            collected(payment, delivery.eventId(), batch);
        } else if (event instanceof FollowUpLogged followUp) {
            followedUp(followUp, batch);
        }
    }

    // ---- deals ------------------------------------------------------------------------------------------------

    private void closed(DealClosed event, UUID eventId, Batch batch) {
        String repId = event.repId();
        String dealId = dealId(event).orElseThrow();
        Doc deal = batch.doc(IncentiveCollections.DEALS, key(repId, dealId));
        if (deal.has("closed")) {
            return; // the same deal closed again under another event: the first close counts
        }
        LocalDate day = calendar.day(event.occurredAt());
        YearMonth period = YearMonth.from(day);
        BigDecimal amount = orZero(event.amount());
        BigDecimal margin = orZero(event.grossMargin());
        Map<String, Object> closed = new LinkedHashMap<>();
        closed.put("period", period.toString());
        closed.put("day", day.toString());
        closed.put("amount", amount);
        closed.put("margin", margin);
        closed.put("eventId", eventId.toString());
        closed.put("productLine", event.productLine());
        closed.put("promotionCode", event.promotionCode());
        closed.put("customerId", event.customerId());
        deal.set("repId", repId).set("dealId", dealId).set("closed", closed);
        if (deal.has("cancelled")) {
            return; // cancelled before it arrived: nothing to pay
        }
        Doc state = state(batch, repId, period);
        BigDecimal matched = deal.decimal("collected").min(amount);
        state.inc("revenue", amount).inc("margin", margin).inc("collected", matched).inc("activity.DEALS", 1);
        AwardLedger ledger = new AwardLedger(batch, IncentiveCollections.REP_SALES);
        ledger.routing().registerPayee(period, repId);
        boolean firstWin = false;
        Doc customer = null;
        if (event.customerId() != null) {
            customer = batch.doc(IncentiveCollections.CUSTOMERS, key(repId, event.customerId()));
            firstWin = customer.document("won").isEmpty();
            customer.set("repId", repId).set("customerId", event.customerId()).set("won." + Keys.of(dealId), dealId);
        }
        for (IncentivePlan plan : governing.plansFor(repId, day)) {
            deal.addToSet("plans", plan.planId());
            String slice = "plans." + plan.planId();
            state.inc(slice + ".revenue", amount).inc(slice + ".margin", margin).inc(slice + ".collected", matched);
            boolean met = releaseIfMet(ledger, state, plan, TargetMetric.DEALS);
            String what = "deal " + dealId + " closed (" + amount.toPlainString() + ")";
            for (CommissionRule rule : plan.rules(CommissionRule.class)) {
                if (!rule.onCollections()) {
                    trueUp(batch, ledger, state, deal, plan, rule, new Cause(eventId, event.occurredAt(),
                            List.of(eventId), "commission: " + what), met);
                }
            }
            for (PerUnitRule rule : plan.rules(PerUnitRule.class)) {
                if (!rule.matches(event.productLine(), event.promotionCode(), day)) {
                    continue;
                }
                if (rule.unit() == Unit.DEAL) {
                    Award award = Award.of(plan, rule, repId, period, AwardIds.deal(dealId), plan.currency());
                    credit(ledger, state, deal, award, rule.amount(), new Cause(eventId, event.occurredAt(),
                            List.of(eventId), "SPIFF: " + what), met);
                } else if (rule.unit() == Unit.NEW_CUSTOMER && firstWin) {
                    Award award = Award.of(plan, rule, repId, period, AwardIds.customer(event.customerId()),
                            plan.currency());
                    customer.set("awards." + plan.planId() + ":" + rule.ruleId(), period.toString());
                    deal.set("acquired." + plan.planId() + ":" + rule.ruleId(), period.toString());
                    credit(ledger, state, deal, award, rule.amount(), new Cause(eventId, event.occurredAt(),
                            List.of(eventId), "new customer " + event.customerId() + " won with " + what), met);
                }
            }
        }
    }

    private void cancelled(DealCancelled event, UUID eventId, Batch batch) {
        Optional<String> dealId = dealId(event);
        if (dealId.isEmpty()) {
            return;
        }
        String repId = event.repId();
        Doc deal = batch.doc(IncentiveCollections.DEALS, key(repId, dealId.get()));
        if (deal.has("cancelled")) {
            return;
        }
        deal.set("repId", repId).set("dealId", dealId.get()).set("cancelled", Map.of("eventId", eventId.toString(),
                "at", event.occurredAt(), "reason", event.reason() == null ? "" : event.reason()));
        if (!deal.has("closed")) {
            return; // nothing to undo; the close, when it comes, finds the deal cancelled
        }
        YearMonth period = YearMonth.parse(deal.string("closed.period"));
        String what = "deal " + dealId.get() + " cancelled" + (event.reason() == null ? "" : " (" + event.reason() + ")");
        Cause cause = new Cause(eventId, event.occurredAt(), List.of(eventId, UUID.fromString(deal.string("closed.eventId"))),
                what);
        Doc state = batch.doc(IncentiveCollections.REP_SALES, IncentiveCollections.id(repId, period));
        AwardLedger ledger = new AwardLedger(batch, IncentiveCollections.REP_SALES);
        if (!state.loaded()) {
            reverseCredits(ledger, deal, cause);
            return;
        }
        BigDecimal amount = deal.decimal("closed.amount");
        BigDecimal margin = deal.decimal("closed.margin");
        BigDecimal matched = deal.decimal("collected").min(amount);
        state.inc("revenue", amount.negate()).inc("margin", margin.negate()).inc("collected", matched.negate())
                .inc("activity.DEALS", -1);
        // The customer stays new while another won deal remains; a cancellation that does not name the customer
        // (so the customer's deals were not read) takes the award back with the deal that won it.
        Doc customer = null;
        boolean lastWin = false;
        String customerId = deal.string("closed.customerId");
        if (customerId != null) {
            customer = batch.doc(IncentiveCollections.CUSTOMERS, key(repId, customerId)).unset("won." + Keys.of(dealId.get()));
            lastWin = !customer.loaded() || customer.document("won").isEmpty();
        }
        for (Object planId : deal.list("plans")) {
            Optional<IncentivePlan> found = plans.plan(planId.toString());
            String slice = "plans." + planId;
            state.inc(slice + ".revenue", amount.negate()).inc(slice + ".margin", margin.negate())
                    .inc(slice + ".collected", matched.negate());
            if (found.isEmpty()) {
                continue;
            }
            IncentivePlan plan = found.get();
            boolean met = activityMet(state, plan);
            for (CommissionRule rule : plan.rules(CommissionRule.class)) {
                if (!rule.onCollections()) {
                    trueUp(batch, ledger, state, deal, plan, rule, cause, met);
                }
            }
            for (PerUnitRule rule : plan.rules(PerUnitRule.class)) {
                if (rule.unit() == Unit.DEAL) {
                    Award award = Award.of(plan, rule, repId, period, AwardIds.deal(dealId.get()), plan.currency());
                    takeBack(ledger, state, deal, award, cause, met);
                } else if (lastWin && acquisition(customer, deal, plan.planId() + ":" + rule.ruleId()) != null) {
                    YearMonth awardedIn = acquisition(customer, deal, plan.planId() + ":" + rule.ruleId());
                    Doc awardState = batch.doc(IncentiveCollections.REP_SALES, IncentiveCollections.id(repId, awardedIn));
                    if (awardState.loaded()) {
                        Award award = Award.of(plan, rule, repId, awardedIn, AwardIds.customer(customerId), plan.currency());
                        takeBack(ledger, awardState, deal, award, cause, activityMet(awardState, plan));
                    }
                }
            }
        }
    }

    // ---- money collected ------------------------------------------------------------------------------------------

    private void collected(PaymentCollected event, UUID eventId, Batch batch) {
        String repId = event.repId();
        LocalDate day = calendar.day(event.occurredAt());
        YearMonth period = YearMonth.from(day);
        BigDecimal amount = orZero(event.amount());
        Optional<String> dealId = dealId(event);
        Doc deal = dealId.map(id -> batch.doc(IncentiveCollections.DEALS, key(repId, id))).orElse(null);
        AwardLedger ledger = new AwardLedger(batch, IncentiveCollections.REP_SALES);
        String what = "payment of " + amount.toPlainString() + dealId.map(id -> " for deal " + id).orElse("") + " collected";
        Cause cause = new Cause(eventId, event.occurredAt(), List.of(eventId), "commission: " + what);
        Doc state = state(batch, repId, period);
        state.inc("cash", amount);
        for (IncentivePlan plan : governing.plansFor(repId, day)) {
            state.inc("plans." + plan.planId() + ".cash", amount);
            for (CommissionRule rule : plan.rules(CommissionRule.class)) {
                if (rule.onCollections()) {
                    ledger.routing().registerPayee(period, repId);
                    trueUp(batch, ledger, state, null, plan, rule, cause, activityMet(state, plan));
                }
            }
        }
        if (deal == null || deal.has("cancelled")) {
            return; // money collected counts as collections; against a cancelled deal it releases no commission
        }
        BigDecimal before = deal.decimal("collected");
        deal.set("repId", repId).set("dealId", dealId.get()).inc("collected", amount);
        if (!deal.has("closed")) {
            return; // collected before the deal arrived: counted when it does
        }
        YearMonth dealPeriod = YearMonth.parse(deal.string("closed.period"));
        Doc dealState = batch.doc(IncentiveCollections.REP_SALES, IncentiveCollections.id(repId, dealPeriod));
        if (!dealState.loaded()) {
            return;
        }
        BigDecimal dealAmount = deal.decimal("closed.amount");
        BigDecimal matched = before.add(amount).min(dealAmount).subtract(before.min(dealAmount));
        dealState.inc("collected", matched);
        for (Object planId : deal.list("plans")) {
            dealState.inc("plans." + planId + ".collected", matched);
            Optional<IncentivePlan> plan = plans.plan(planId.toString());
            if (plan.isEmpty()) {
                continue;
            }
            for (CommissionRule rule : plan.get().rules(CommissionRule.class)) {
                if (rule.payOn() == PayOn.COLLECTION && !rule.onCollections()) {
                    trueUp(batch, ledger, dealState, deal, plan.get(), rule, cause, activityMet(dealState, plan.get()));
                }
            }
        }
    }

    // ---- activity ---------------------------------------------------------------------------------------------

    private void followedUp(FollowUpLogged event, Batch batch) {
        LocalDate day = calendar.day(event.occurredAt());
        Doc state = state(batch, event.repId(), YearMonth.from(day));
        state.inc("activity." + TargetMetric.FOLLOW_UPS, 1);
        TargetMetric channel = event.channel() == FollowUpChannel.CALL ? TargetMetric.CALLS
                : event.channel() == FollowUpChannel.VISIT ? TargetMetric.VISITS : null;
        if (channel != null) {
            state.inc("activity." + channel, 1);
        }
        AwardLedger ledger = new AwardLedger(batch, IncentiveCollections.REP_SALES);
        for (IncentivePlan plan : governing.plansFor(event.repId(), day)) {
            releaseIfMet(ledger, state, plan, TargetMetric.FOLLOW_UPS);
            if (channel != null) {
                releaseIfMet(ledger, state, plan, channel);
            }
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    /**
     * Pays the commission award what the period's totals owe now, minus what was credited; the difference is
     * recorded against {@code deal} (when there is one) as what that deal credited.
     */
    private void trueUp(Batch batch, AwardLedger ledger, Doc state, Doc deal, IncentivePlan plan, CommissionRule rule,
                        Cause cause, boolean met) {
        YearMonth period = YearMonth.parse(state.string("period"));
        String repId = state.string("payeeId");
        Award award = Award.of(plan, rule, repId, period, AwardIds.COMMISSION, plan.currency());
        String slice = "plans." + plan.planId();
        BigDecimal actual = switch (rule.metric()) {
            case GROSS_MARGIN -> state.decimal(slice + ".margin");
            case COLLECTIONS -> state.decimal(slice + ".cash");
            default -> state.decimal(slice + ".revenue");
        };
        BigDecimal target = TargetBook.monthly(batch.doc(IncentiveCollections.TARGETS,
                IncentiveCollections.id(repId, period)), rule.metric().name());
        BigDecimal owed = Commission.owed(rule, new Commission.Totals(actual, target, state.decimal(slice + ".revenue"),
                state.decimal(slice + ".collected")));
        credit(ledger, state, deal, award, owed.subtract(AwardLedger.credited(state, award)), cause, met);
    }

    private static void takeBack(AwardLedger ledger, Doc state, Doc deal, Award award, Cause cause, boolean met) {
        BigDecimal credited = AwardLedger.credited(state, award);
        if (credited.signum() > 0) {
            credit(ledger, state, deal, award, credited.negate(), cause, met);
        }
    }

    /** Credits the award and remembers on the deal what it credited (to reverse it if the deal is cancelled late). */
    private static void credit(AwardLedger ledger, Doc state, Doc deal, Award award, BigDecimal amount, Cause cause,
                               boolean met) {
        if (amount.signum() == 0) {
            return;
        }
        ledger.credit(state, award, amount, cause, met);
        if (deal != null) {
            String at = "credits." + award.key();
            deal.set(at + ".award", AwardLedger.describe(award)).inc(at + ".amount", amount);
        }
    }

    /**
     * A cancellation of a deal older than the lookback: its period's totals are not at hand, so exactly what the
     * deal credited is taken back, in the first open period.
     */
    private static void reverseCredits(AwardLedger ledger, Doc deal, Cause cause) {
        Document credits = deal.document("credits");
        for (String key : credits.keySet()) {
            Document credit = (Document) credits.get(key);
            BigDecimal amount = deal.decimal("credits." + key + ".amount");
            if (amount.signum() != 0) {
                ledger.creditWithoutState(AwardLedger.award(credit.get("award", Document.class)), amount.negate(), cause);
                deal.inc("credits." + key + ".amount", amount.negate());
            }
        }
    }

    /** The period a new-customer award was made in: as the customer remembers it, else as the deal that won it. */
    private static YearMonth acquisition(Doc customer, Doc deal, String ruleKey) {
        String period = customer.loaded() ? customer.string("awards." + ruleKey) : deal.string("acquired." + ruleKey);
        return period == null ? null : YearMonth.parse(period);
    }

    private boolean releaseIfMet(AwardLedger ledger, Doc state, IncentivePlan plan, TargetMetric activity) {
        boolean met = activityMet(state, plan);
        MinimumActivity minimum = plan.eligibility().minimumActivity();
        if (met && minimum != null && minimum.metric() == activity) {
            ledger.release(state, plan.planId());
        }
        return met;
    }

    private static boolean activityMet(Doc state, IncentivePlan plan) {
        return Governing.activityMet(plan, metric -> state.count("activity." + metric));
    }

    private static Doc state(Batch batch, String repId, YearMonth period) {
        return batch.doc(IncentiveCollections.REP_SALES, IncentiveCollections.id(repId, period))
                .set("payeeId", repId).set("period", period);
    }

    private static Optional<String> dealId(ActivityEvent event) {
        if (event instanceof DealClosed closed) {
            return Optional.of(closed.dealId() != null ? closed.dealId() : closed.externalId());
        }
        if (event instanceof DealCancelled cancelled) {
            return Optional.ofNullable(cancelled.dealId());
        }
        if (event instanceof PaymentCollected payment) {
            return Optional.ofNullable(payment.dealId());
        }
        return Optional.empty();
    }

    static String key(String repId, String id) {
        return repId + "|" + id;
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
