package io.quotaflow.incentive.whatif;

import io.quotaflow.events.TargetMetric;
import io.quotaflow.incentive.domain.PlanDraft;
import io.quotaflow.incentive.fixtures.Events;
import io.quotaflow.incentive.fixtures.Feed;
import io.quotaflow.incentive.fixtures.IncentiveScenario;
import io.quotaflow.incentive.fixtures.PlanDrafts;
import io.quotaflow.testsupport.SalesOrgFixture;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;

/** What-if from where the rep stands today (2027-01-20 under the test clock); nothing is stored. */
class WhatIfIT extends IncentiveScenario {

    static final YearMonth JANUARY = YearMonth.of(2027, 1);

    @Test
    void shouldEstimateTheExtraPayOfOneMoreDeal() {
        givenOrg(SalesOrgFixture.team("t-whatif", "east", "mgr-whatif"),
                SalesOrgFixture.rep("r-wi-1", "t-whatif", LocalDate.of(2025, 1, 1)));
        api.putPlan("whatif-2027-01", PlanDrafts.withEligibility(PlanDrafts.plan(JANUARY,
                        PlanDrafts.commission("commission", "REVENUE", "CLOSE", null, PlanDrafts.band("0", "1.0", "0.03"),
                                PlanDrafts.band("1.0", null, "0.05")),
                        PlanDrafts.thresholds("levels", "REVENUE", PlanDrafts.tier("0.8", "2000.00"),
                                PlanDrafts.tier("1.0", "3000.00")),
                        PlanDrafts.perUnit("cloud-spiff", "DEAL", "300.00", "pl-cloud", null, null, null)),
                new PlanDraft.EligibilityDraft(null, List.of("t-whatif"), null, null)), tokens.admin())
                .expectStatus().is2xxSuccessful();
        Feed.publish(Events.target("r-wi-1", JANUARY, TargetMetric.REVENUE, "100000.00"));
        var deal = Events.deal("r-wi-1", "d-wi-1", "90000.00", LocalDate.of(2027, 1, 5));
        Feed.publish(deal, Events.attainment("r-wi-1", JANUARY, TargetMetric.REVENUE, "90000.00", "100000.00",
                LocalDate.of(2027, 1, 5), deal.eventId()));
        await().atMost(Duration.ofSeconds(30)).until(() -> api.statement("r-wi-1", JANUARY, tokens.admin()).lines().size() == 2);

        WhatIfView estimate = api.post("/api/incentives/what-if", Map.of("amount", "20000.00", "productLine", "pl-cloud"),
                tokens.rep("r-wi-1")).expectStatus().isOk().expectBody(WhatIfView.class).returnResult().getResponseBody();

        assertThat(estimate.estimates()).extracting(WhatIfView.Line::ruleId, l -> l.amount().toPlainString())
                .containsExactly(tuple("commission", "800.00"), tuple("levels", "3000.00"), tuple("cloud-spiff", "300.00"));
        assertThat(estimate.extra()).isEqualByComparingTo("4100.00");
        assertThat(estimate.currentNet()).isEqualByComparingTo("4700.00"); // 2,700.00 commission + 2,000.00 at 80 %
        assertThat(estimate.estimatedNet()).isEqualByComparingTo("8800.00");
        assertThat(api.statement("r-wi-1", JANUARY, tokens.admin()).lines()).hasSize(2);
    }

    @Test
    void shouldEstimateOnlyForWhoTheCallerMaySee() {
        api.post("/api/incentives/what-if", Map.of("repId", "r-wi-1", "amount", "1.00"), tokens.rep("r-someone-else"))
                .expectStatus().isForbidden();
        api.post("/api/incentives/what-if", Map.of("amount", "-5.00"), tokens.rep("r-wi-1"))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("amount");
    }
}
