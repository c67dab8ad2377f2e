package io.quotaflow.incentive.award;

import io.quotaflow.events.EntityType;
import io.quotaflow.events.kpi.AttainmentChanged;
import io.quotaflow.events.kpi.KpiEvent;
import io.quotaflow.incentive.domain.BusinessCalendar;
import io.quotaflow.incentive.domain.IncentivePlan;
import io.quotaflow.incentive.domain.ThresholdRule;
import io.quotaflow.platform.consumption.Batch;
import io.quotaflow.platform.consumption.Delivery;
import io.quotaflow.platform.consumption.Doc;
import io.quotaflow.platform.consumption.Prefetch;
import io.quotaflow.platform.consumption.Projection;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Threshold awards from {@code AttainmentChanged} (kpi-service), the moment a rep's attainment crosses a level:
 * one award per (plan, rule, rep, period, tier), decided from the rep's state document for the period (the latest
 * attainment per metric and the tiers awarded), never from a scan of past awards. A later drop below the level (a
 * cancelled deal) claws the award back; reaching it again reinstates it. An event older than the one the state
 * holds ({@code asOf}) changes nothing, so redelivered or reordered events end in the same awards. Team attainment
 * is kept for team bonuses at close.
 */
@Component
public class AttainmentAwards implements Projection<KpiEvent> {

    private final Governing governing;
    private final BusinessCalendar calendar;

    public AttainmentAwards(Governing governing, BusinessCalendar calendar) {
        this.governing = governing;
        this.calendar = calendar;
    }

    @Override
    public Set<String> collections() {
        return Set.of(IncentiveCollections.REP_KPIS, IncentiveCollections.TEAM_KPIS, IncentiveCollections.AWARDS,
                IncentiveCollections.PAYEES);
    }

    @Override
    public void prefetch(List<Delivery<KpiEvent>> deliveries, Prefetch prefetch) {
        for (Delivery<KpiEvent> delivery : deliveries) {
            if (delivery.payload() instanceof AttainmentChanged change) {
                if (change.scope().type() == EntityType.REP) {
                    prefetch.need(IncentiveCollections.REP_KPIS, IncentiveCollections.id(change.scope().id(), change.period()));
                    Routing.need(prefetch, change.period());
                } else if (change.scope().type() == EntityType.TEAM) {
                    prefetch.need(IncentiveCollections.TEAM_KPIS, IncentiveCollections.id(change.scope().id(), change.period()));
                }
            }
        }
    }

    @Override
    public void apply(Delivery<KpiEvent> delivery, Batch batch) {
        if (!(delivery.payload() instanceof AttainmentChanged change)) {
            return;
        }
        if (change.scope().type() == EntityType.TEAM) {
            Doc team = batch.doc(IncentiveCollections.TEAM_KPIS, IncentiveCollections.id(change.scope().id(), change.period()));
            if (keepLatest(team, change, delivery.eventId())) {
                team.set("teamId", change.scope().id()).set("period", change.period());
            }
            return;
        }
        if (change.scope().type() != EntityType.REP) {
            return;
        }
        String repId = change.scope().id();
        YearMonth period = change.period();
        Doc state = batch.doc(IncentiveCollections.REP_KPIS, IncentiveCollections.id(repId, period));
        if (!keepLatest(state, change, delivery.eventId())) {
            return;
        }
        state.set("payeeId", repId).set("period", period);
        AwardLedger ledger = new AwardLedger(batch, IncentiveCollections.REP_KPIS);
        ledger.routing().registerPayee(period, repId);
        LocalDate day = calendar.dayWithin(change.asOf(), period);
        for (IncentivePlan plan : governing.plansFor(repId, day)) {
            boolean met = Governing.activityMet(plan, metric -> actual(state, metric).longValue());
            if (met && plan.eligibility().minimumActivity() != null
                    && plan.eligibility().minimumActivity().metric() == change.metric()) {
                ledger.release(state, plan.planId());
            }
            for (ThresholdRule rule : plan.rules(ThresholdRule.class)) {
                if (rule.metric() == change.metric()) {
                    thresholds(ledger, state, plan, rule, change, delivery.eventId(), met);
                }
            }
        }
    }

    private void thresholds(AwardLedger ledger, Doc state, IncentivePlan plan, ThresholdRule rule,
                            AttainmentChanged change, UUID eventId, boolean met) {
        String repId = change.scope().id();
        for (ThresholdRule.Tier tier : rule.tiers()) {
            Award award = Award.of(plan, rule, repId, change.period(), tier.name(), plan.currency());
            boolean reached = ThresholdRule.reached(tier.level(), change.actual(), change.target(), change.attainment());
            BigDecimal credited = AwardLedger.credited(state, award);
            String level = tier.level().movePointRight(2).stripTrailingZeros().toPlainString() + "%";
            if (reached && credited.signum() == 0) {
                ledger.credit(state, award, governing.fixed(plan, repId, change.period(), tier.amount()),
                        cause(change, eventId, change.metric() + " reached " + level + " of target ("
                                + plain(change.actual()) + " of " + plain(change.target()) + ")"), met);
            } else if (!reached && credited.signum() > 0) {
                ledger.credit(state, award, credited.negate(), cause(change, eventId, change.metric()
                        + " fell below " + level + " of target (" + plain(change.actual()) + " of "
                        + plain(change.target()) + ")"), met);
            }
        }
    }

    /**
     * Keeps the change as the metric's latest unless the document holds a later one ({@code asOf}, then event id
     * as a deterministic tie-break). Returns whether it was kept.
     */
    static boolean keepLatest(Doc state, AttainmentChanged change, UUID eventId) {
        String at = "metrics." + change.metric();
        Instant stored = state.instant(at + ".asOf");
        if (stored != null) {
            int order = change.asOf().compareTo(stored);
            if (order < 0 || (order == 0 && eventId.toString().compareTo(state.string(at + ".eventId")) <= 0)) {
                return false;
            }
        }
        state.set(at + ".actual", change.actual()).set(at + ".target", change.target())
                .set(at + ".base", change.base()).set(at + ".challenge", change.challenge())
                .set(at + ".attainment", change.attainment()).set(at + ".level", change.level())
                .set(at + ".asOf", change.asOf()).set(at + ".eventId", eventId)
                .set(at + ".causedBy", change.causedBy());
        return true;
    }

    private static BigDecimal actual(Doc state, String metric) {
        return state.decimal("metrics." + metric + ".actual");
    }

    private static Cause cause(AttainmentChanged change, UUID eventId, String description) {
        List<UUID> sources = new ArrayList<>();
        sources.add(eventId);
        change.causedBy().stream().filter(id -> !id.equals(eventId)).forEach(sources::add);
        return new Cause(eventId, change.asOf(), sources, description);
    }

    private static String plain(BigDecimal value) {
        return value == null ? "no target" : value.toPlainString();
    }
}
