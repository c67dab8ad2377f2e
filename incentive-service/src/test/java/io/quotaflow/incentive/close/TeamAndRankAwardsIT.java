package io.quotaflow.incentive.close;

import io.quotaflow.events.TargetMetric;
import io.quotaflow.incentive.domain.PlanDraft;
import io.quotaflow.incentive.fixtures.Events;
import io.quotaflow.incentive.fixtures.Feed;
import io.quotaflow.incentive.fixtures.IncentiveScenario;
import io.quotaflow.incentive.fixtures.PlanDrafts;
import io.quotaflow.incentive.statement.AwardView;
import io.quotaflow.testsupport.SalesOrgFixture;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** At close: the team bonus for every member (prorated for a new hire) and its manager, and a tied first place split. */
class TeamAndRankAwardsIT extends IncentiveScenario {

    static final YearMonth FEBRUARY = YearMonth.of(2026, 2);

    @Test
    void shouldPayTheTeamBonusProratedAndSplitATiedFirstPlace() {
        givenOrg(SalesOrgFixture.team("t-feb", "east", "mgr-feb"),
                SalesOrgFixture.rep("r-201", "t-feb", LocalDate.of(2025, 3, 1)),
                SalesOrgFixture.rep("r-202", "t-feb", LocalDate.of(2026, 2, 15)));
        api.putPlan("team-2026-02", PlanDrafts.withEligibility(PlanDrafts.plan(FEBRUARY,
                        PlanDrafts.teamBonus("team-bonus", "REVENUE", "1.0", "1000.00", null),
                        PlanDrafts.rank("top-seller", "REVENUE", "SPLIT", "5000.00", "2000.00")),
                        new PlanDraft.EligibilityDraft(List.of("REP", "MANAGER"), List.of("t-feb"), null, true)),
                tokens.admin()).expectStatus().isCreated();
        Feed.publish(
                Events.attainment("r-201", FEBRUARY, TargetMetric.REVENUE, "600000.00", "500000.00", LocalDate.of(2026, 2, 26)),
                Events.attainment("r-202", FEBRUARY, TargetMetric.REVENUE, "600000.00", "300000.00", LocalDate.of(2026, 2, 27)),
                Events.teamAttainment("t-feb", FEBRUARY, TargetMetric.REVENUE, "1200000.00", "1200000.00",
                        LocalDate.of(2026, 2, 27)));

        PeriodView closed = http.post().uri("/api/incentives/periods/{period}/close", FEBRUARY)
                .headers(h -> h.setBearerAuth(tokens.admin())).exchange().expectStatus().isOk()
                .expectBody(PeriodView.class).returnResult().getResponseBody();

        assertThat(closed.awards()).extracting(AwardView::ruleId, AwardView::repId, a -> a.amount().toPlainString())
                .containsExactlyInAnyOrder(
                        tuple("team-bonus", "r-201", "1000.00"),
                        tuple("team-bonus", "r-202", "500.00"),   // hired on the 15th: 14 of 28 days
                        tuple("team-bonus", "mgr-feb", "1000.00"),
                        tuple("top-seller", "r-201", "3500.00"),  // tied first: (5,000 + 2,000) / 2
                        tuple("top-seller", "r-202", "3500.00"));
        assertThat(closed.awards()).filteredOn(a -> a.ruleId().equals("top-seller"))
                .allSatisfy(a -> assertThat(a.description()).contains("tied with"));
        assertThat(closed.awardCount()).isEqualTo(5);
        assertThat(closed.totalAmount()).isEqualByComparingTo("9500.00");
        assertThat(api.statement("mgr-feb", FEBRUARY, tokens.manager("mgr-feb", "t-feb")).net("CNY"))
                .isEqualByComparingTo("1000.00");
    }
}
