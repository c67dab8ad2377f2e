package io.quotaflow.incentive.award;

import io.quotaflow.events.TargetMetric;
import io.quotaflow.events.incentive.IncentiveAwarded;
import io.quotaflow.events.incentive.IncentiveEvent;
import io.quotaflow.incentive.fixtures.Events;
import io.quotaflow.incentive.fixtures.Feed;
import io.quotaflow.incentive.fixtures.IncentiveScenario;
import io.quotaflow.incentive.fixtures.PlanDrafts;
import io.quotaflow.incentive.statement.AwardView;
import io.quotaflow.testsupport.EventTap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Attainment events in, threshold awards out, once each, on the real broker and MongoDB. */
class ThresholdAwardsIT extends IncentiveScenario {

    static final YearMonth MARCH = YearMonth.of(2026, 3);

    @BeforeEach
    void plan() {
        api.putPlan("thresholds-2026-03", PlanDrafts.plan(MARCH, PlanDrafts.thresholds("levels", "REVENUE",
                        PlanDrafts.tier("0.8", "2000.00"), PlanDrafts.tier("1.0", "3000.00"), PlanDrafts.tier("1.2", "5000.00"))),
                tokens.admin()).expectStatus().is2xxSuccessful();
    }

    @Test
    void shouldAwardEachReachedTierOnceWhenAttainmentCrossesIt() {
        try (EventTap<IncentiveEvent> tap = tapIncentives()) {
            Feed.publish(Events.attainment("r-301", MARCH, TargetMetric.REVENUE, "800000.00", "1000000.00",
                    LocalDate.of(2026, 3, 10)));
            Feed.publish(Events.attainment("r-301", MARCH, TargetMetric.REVENUE, "800000.00", "1000000.00",
                    LocalDate.of(2026, 3, 10)));
            Feed.publish(Events.attainment("r-301", MARCH, TargetMetric.REVENUE, "1250000.00", "1000000.00",
                    LocalDate.of(2026, 3, 20)));

            List<EventTap.Received<IncentiveEvent>> received = tap.awaitUntil(all -> awarded(all, "r-301").size() >= 3,
                    Duration.ofSeconds(30));
            received = tap.drain(Duration.ofSeconds(1));

            assertThat(awarded(received, "r-301")).extracting(IncentiveAwarded::tier, a -> a.amount().toPlainString())
                    .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("0.8", "2000.00"),
                            org.assertj.core.groups.Tuple.tuple("1", "3000.00"),
                            org.assertj.core.groups.Tuple.tuple("1.2", "5000.00"));
        }
        List<AwardView> awards = api.awards("r-301", MARCH, tokens.rep("r-301"));
        assertThat(awards).extracting(AwardView::tier).containsExactlyInAnyOrder("0.8", "1", "1.2");
        assertThat(awards).allSatisfy(award -> assertThat(award.status()).isEqualTo("AWARDED"));
    }
}
