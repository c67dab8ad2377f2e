package io.quotaflow.incentive.award;

import io.quotaflow.events.incentive.IncentiveAwarded;
import io.quotaflow.events.incentive.IncentiveEvent;
import io.quotaflow.incentive.fixtures.Events;
import io.quotaflow.incentive.fixtures.Feed;
import io.quotaflow.incentive.fixtures.IncentiveScenario;
import io.quotaflow.incentive.fixtures.PlanDrafts;
import io.quotaflow.incentive.statement.Statement;
import io.quotaflow.testsupport.EventTap;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Under a minimum activity, awards are held — shown, not paid — until the rep has done enough. */
class HeldAwardsIT extends IncentiveScenario {

    static final YearMonth DECEMBER = YearMonth.of(2026, 12);
    static final LocalDate DAY = LocalDate.of(2026, 12, 3);

    @Test
    void shouldHoldCommissionUntilTheMinimumVisitsThenPayIt() {
        api.putPlan("held-2026-12", PlanDrafts.withEligibility(PlanDrafts.plan(DECEMBER,
                        PlanDrafts.commission("commission", "REVENUE", "CLOSE", null, PlanDrafts.band("0", null, "0.03"))),
                PlanDrafts.minimumVisits(2)), tokens.admin()).expectStatus().isCreated();
        try (EventTap<IncentiveEvent> tap = tapIncentives()) {
            Feed.publish(Events.deal("r-1201", "d-1201", "100000.00", DAY), Events.visit("r-1201", "v-1201", DAY));
            await().atMost(Duration.ofSeconds(30)).until(() -> !api.statement("r-1201", DECEMBER, tokens.admin()).lines().isEmpty());

            Statement held = api.statement("r-1201", DECEMBER, tokens.rep("r-1201"));
            assertThat(held.lines()).singleElement().satisfies(line -> assertThat(line.status()).isEqualTo("HELD"));
            assertThat(held.totals().get(0).held()).isEqualByComparingTo("3000.00");
            assertThat(held.net("CNY")).isEqualByComparingTo("0.00");
            assertThat(awarded(tap.drain(Duration.ofSeconds(1)), "r-1201")).isEmpty();

            Feed.publish(Events.visit("r-1201", "v-1202", DAY.plusDays(1)));
            List<EventTap.Received<IncentiveEvent>> received = tap.awaitUntil(all -> !awarded(all, "r-1201").isEmpty(),
                    Duration.ofSeconds(30));

            assertThat(awarded(received, "r-1201")).singleElement().extracting(IncentiveAwarded::amount)
                    .satisfies(amount -> assertThat(amount).isEqualByComparingTo("3000.00"));
        }
        Statement paid = api.statement("r-1201", DECEMBER, tokens.rep("r-1201"));
        assertThat(paid.lines()).singleElement().satisfies(line -> assertThat(line.status()).isEqualTo("PAID"));
        assertThat(paid.net("CNY")).isEqualByComparingTo("3000.00");
    }
}
