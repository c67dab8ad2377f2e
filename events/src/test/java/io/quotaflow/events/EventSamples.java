package io.quotaflow.events;

import io.quotaflow.events.activity.ActivityType;
import io.quotaflow.events.activity.DealCancelled;
import io.quotaflow.events.activity.DealClosed;
import io.quotaflow.events.activity.EngagementSignal;
import io.quotaflow.events.activity.EngagementSignalled;
import io.quotaflow.events.activity.FollowUpChannel;
import io.quotaflow.events.activity.FollowUpLogged;
import io.quotaflow.events.activity.LeadChannel;
import io.quotaflow.events.activity.LeadCreated;
import io.quotaflow.events.activity.LeadQualified;
import io.quotaflow.events.activity.OpportunityStageChanged;
import io.quotaflow.events.activity.PaymentCollected;
import io.quotaflow.events.incentive.IncentiveAwarded;
import io.quotaflow.events.incentive.IncentiveClawedBack;
import io.quotaflow.events.incentive.PeriodClosed;
import io.quotaflow.events.ingest.ActivityReported;
import io.quotaflow.events.kpi.AttainmentChanged;
import io.quotaflow.events.kpi.AttainmentLevel;
import io.quotaflow.events.kpi.CustomerDealChanged;
import io.quotaflow.events.kpi.CustomerTier;
import io.quotaflow.events.kpi.CustomerTierChanged;
import io.quotaflow.events.kpi.KpiAnomalyDetected;
import io.quotaflow.events.kpi.Severity;
import io.quotaflow.events.org.ProductLineChanged;
import io.quotaflow.events.org.RegionChanged;
import io.quotaflow.events.org.RepChanged;
import io.quotaflow.events.org.TeamChanged;
import io.quotaflow.events.org.TeamMembership;
import io.quotaflow.events.target.DailyTarget;
import io.quotaflow.events.target.TargetAssigned;
import io.quotaflow.events.target.TargetRevised;
import io.quotaflow.events.target.WeeklyTarget;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One fully populated sample of every event type: the Object Mother of the published language. */
final class EventSamples {

    static final YearMonth DECEMBER = YearMonth.of(2026, 12);
    static final Instant CLOSED_AT = Instant.parse("2026-12-03T06:30:00Z");

    private EventSamples() {
    }

    static List<DomainEvent> all() {
        return List.of(targetAssigned(), targetRevised(), leadCreated(), leadQualified(), followUpLogged(),
                opportunityStageChanged(), dealClosed(), dealCancelled(), paymentCollected(), engagementSignalled(),
                activityReported(),
                attainmentChanged(), anomalyDetected(), tierChanged(), customerDealChanged(), incentiveAwarded(),
                clawedBack(), periodClosed(),
                regionChanged(), productLineChanged(), teamChanged(), repChanged());
    }

    static RegionChanged regionChanged() {
        return new RegionChanged("east", "East China", "MATURE", new BigDecimal("0.05"), 3);
    }

    static ProductLineChanged productLineChanged() {
        return new ProductLineChanged("pl-cloud", "Cloud", new BigDecimal("0.42"), 5, 1);
    }

    static TeamChanged teamChanged() {
        return new TeamChanged("t-east", "East 1", "east", "alice", 2);
    }

    static RepChanged repChanged() {
        return new RepChanged("r-001", "Wang Wei", "t-east", LocalDate.of(2026, 1, 15), null, new BigDecimal("1.0"),
                List.of(new TeamMembership("t-north", LocalDate.of(2026, 1, 15), LocalDate.of(2026, 12, 9)),
                        new TeamMembership("t-east", LocalDate.of(2026, 12, 10), null)), 7);
    }

    static TargetAssigned targetAssigned() {
        return new TargetAssigned("plan-2026-12-revenue", 1, DECEMBER, TargetMetric.REVENUE,
                EntityRef.rep("r-001"), EntityRef.team("t-east"), "t-east", "east",
                new BigDecimal("150000.00"), new BigDecimal("120000.00"), new BigDecimal("180000.00"), "CNY",
                List.of(new WeeklyTarget("2026-W49", LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 6),
                        new BigDecimal("26086.96"))),
                List.of(new DailyTarget(LocalDate.of(2026, 12, 1), new BigDecimal("6521.74"))));
    }

    static TargetRevised targetRevised() {
        return new TargetRevised("plan-2026-12-revenue", 2, 1, DECEMBER, TargetMetric.CALLS,
                EntityRef.rep("r-001"), EntityRef.team("t-east"), "t-east", "east",
                new BigDecimal("400"), new BigDecimal("320"), new BigDecimal("480"), null,
                List.of(), List.of(), new BigDecimal("460"), LocalDate.of(2026, 12, 15), "target too high");
    }

    static LeadCreated leadCreated() {
        return new LeadCreated("hubspot", "contact-77", "r-001", "c-100", LeadChannel.LIVESTREAM, "pl-saas",
                "east", "XMAS26", CLOSED_AT);
    }

    static LeadQualified leadQualified() {
        return new LeadQualified("hubspot", "contact-77-q", "r-001", "c-100", LeadChannel.LIVESTREAM, "pl-saas",
                CLOSED_AT);
    }

    static FollowUpLogged followUpLogged() {
        return new FollowUpLogged("salesforce", "task-9", "r-001", "c-100", FollowUpChannel.VISIT, 1800, "d-1",
                CLOSED_AT);
    }

    static OpportunityStageChanged opportunityStageChanged() {
        return new OpportunityStageChanged("salesforce", "opp-1-s3", "r-001", "c-100", "d-1", "NEGOTIATION",
                new BigDecimal("88000.00"), "CNY", Instant.parse("2026-11-10T02:00:00Z"), CLOSED_AT,
                new BigDecimal("12222.22"), "USD");
    }

    static ActivityReported activityReported() {
        return new ActivityReported("hubspot", "deal-42", ActivityType.DEAL_CLOSED, "r-001", CLOSED_AT, "c-100",
                new BigDecimal("12222.22"), "USD", "pl-saas", "east", "REFERRAL", "d-1", null, null, "XMAS26",
                new BigDecimal("5133.33"), Instant.parse("2026-11-10T02:00:00Z"), LocalDate.of(2027, 1, 15), null,
                null);
    }

    static DealClosed dealClosed() {
        return new DealClosed("salesforce", "opp-1", "r-001", "c-100", "d-1", new BigDecimal("88000.00"), "CNY",
                new BigDecimal("12222.22"), "USD", new BigDecimal("36960.00"), "pl-saas", "east",
                LeadChannel.REFERRAL, "XMAS26", Instant.parse("2026-11-10T02:00:00Z"), LocalDate.of(2027, 1, 15),
                CLOSED_AT);
    }

    static DealCancelled dealCancelled() {
        return new DealCancelled("salesforce", "opp-1-cancel", "r-001", "c-100", "d-1", "contract withdrawn",
                CLOSED_AT.plusSeconds(86_400));
    }

    static PaymentCollected paymentCollected() {
        return new PaymentCollected("api", "pay-5", "r-001", "c-100", "d-1", new BigDecimal("44000.00"), "CNY",
                new BigDecimal("44000.00"), "CNY", LocalDate.of(2027, 1, 15), CLOSED_AT.plusSeconds(3_600));
    }

    static EngagementSignalled engagementSignalled() {
        return new EngagementSignalled("hubspot", "evt-3", "r-001", "c-100", EngagementSignal.SITE_VISIT, 240,
                CLOSED_AT);
    }

    static AttainmentChanged attainmentChanged() {
        return new AttainmentChanged(EntityRef.rep("r-001"), DECEMBER, TargetMetric.REVENUE,
                new BigDecimal("812000.00"), new BigDecimal("1000000.00"), new BigDecimal("800000.00"),
                new BigDecimal("1200000.00"), "CNY", 0.812, 0.97, AttainmentLevel.BASE, AttainmentLevel.BELOW_BASE,
                CLOSED_AT, List.of(UUID.fromString("0b5d3c8e-54a1-5f3e-9d0a-1c2b3a4d5e6f")), "BASE",
                AttainmentChanged.Direction.UP);
    }

    static KpiAnomalyDetected anomalyDetected() {
        return new KpiAnomalyDetected("alert-1", EntityRef.team("t-east"), DECEMBER, "PACE_BEHIND", Severity.WARNING,
                TargetMetric.REVENUE, "t-east is at 71% of the expected pace",
                Map.of("pace", "0.71", "expectedToDate", "420000.00"), CLOSED_AT,
                KpiAnomalyDetected.AlertStatus.CLEARED);
    }

    static CustomerTierChanged tierChanged() {
        return new CustomerTierChanged("c-100", "r-001", CustomerTier.B, CustomerTier.A, new BigDecimal("87.5"),
                "revenue over 80,000 in 90 days", CLOSED_AT);
    }

    static CustomerDealChanged customerDealChanged() {
        return new CustomerDealChanged("c-100", "d-1", 2, true, "r-001", "t-east", "east", "pl-saas",
                LeadChannel.REFERRAL, "XMAS26", new BigDecimal("88000.00"), CLOSED_AT,
                UUID.fromString("0b5d3c8e-54a1-5f3e-9d0a-1c2b3a4d5e6f"));
    }

    static IncentiveAwarded incentiveAwarded() {
        return new IncentiveAwarded("aw-1", "december", 1, "base-bonus", "THRESHOLD", "r-001", DECEMBER,
                new BigDecimal("2000.00"), "CNY", "0.8", "Reached 80% of the revenue target",
                List.of(UUID.fromString("0b5d3c8e-54a1-5f3e-9d0a-1c2b3a4d5e6f")), CLOSED_AT);
    }

    static IncentiveClawedBack clawedBack() {
        return new IncentiveClawedBack("cb-1", "aw-2", "commission", "r-001", DECEMBER, new BigDecimal("2640.00"),
                "CNY", "deal d-1 cancelled", List.of(), CLOSED_AT.plusSeconds(86_400), YearMonth.of(2026, 11));
    }

    static PeriodClosed periodClosed() {
        return new PeriodClosed(DECEMBER, 42, new BigDecimal("187500.00"), "CNY", "ops-admin",
                Instant.parse("2027-01-02T01:00:00Z"));
    }

    static <E extends DomainEvent> EventEnvelope<E> envelope(E event) {
        return EventEnvelope.of(EventIds.of("test", event.getClass().getSimpleName()), CLOSED_AT,
                "quotaflow/test", "corr-123", event);
    }
}
