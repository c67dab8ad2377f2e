package io.quotaflow.incentive.statement;

import io.quotaflow.incentive.fixtures.Events;
import io.quotaflow.incentive.fixtures.Feed;
import io.quotaflow.incentive.fixtures.IncentiveScenario;
import io.quotaflow.incentive.fixtures.PlanDrafts;
import io.quotaflow.testsupport.SalesOrgFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;

/** A REP sees only their own awards and statements, a MANAGER their teams', ADMIN everyone's. */
class StatementAccessIT extends IncentiveScenario {

    static final YearMonth APRIL = YearMonth.of(2026, 4);
    static final LocalDate DAY = LocalDate.of(2026, 4, 8);

    @BeforeEach
    void salesAndOrg() {
        givenOrg(SalesOrgFixture.team("t-apr", "east", "mgr-apr"), SalesOrgFixture.team("t-apr-b", "east", "mgr-apr-b"),
                SalesOrgFixture.rep("r-401", "t-apr", LocalDate.of(2025, 1, 1)),
                SalesOrgFixture.rep("r-402", "t-apr", LocalDate.of(2025, 1, 1)),
                SalesOrgFixture.rep("r-403", "t-apr-b", LocalDate.of(2025, 1, 1)));
        api.putPlan("access-2026-04", PlanDrafts.plan(APRIL,
                        PlanDrafts.commission("commission", "REVENUE", "CLOSE", null, PlanDrafts.band("0", null, "0.03"))),
                tokens.admin()).expectStatus().is2xxSuccessful();
        Feed.publish(Events.deal("r-401", "d-401", "100000.00", DAY), Events.deal("r-402", "d-402", "50000.00", DAY),
                Events.deal("r-403", "d-403", "10000.00", DAY));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                api.statement("r-403", APRIL, tokens.admin()).net("CNY").signum() > 0
                        && api.statement("r-401", APRIL, tokens.admin()).net("CNY").signum() > 0);
    }

    @Test
    void shouldShowARepOnlyTheirOwnStatementAndAwards() {
        assertThat(api.statement("r-401", APRIL, tokens.rep("r-401")).net("CNY")).isEqualByComparingTo("3000.00");
        assertThat(api.get("/api/incentives/awards?period={p}", tokens.rep("r-401"), APRIL).expectStatus().isOk()
                .expectBody(AwardView[].class).returnResult().getResponseBody())
                .extracting(AwardView::repId).containsOnly("r-401");

        api.get("/api/incentives/statements/{rep}?period={p}", tokens.rep("r-401"), "r-402", APRIL)
                .expectStatus().isForbidden();
        api.get("/api/incentives/awards?repId={rep}&period={p}", tokens.rep("r-401"), "r-402", APRIL)
                .expectStatus().isForbidden();
        api.get("/api/incentives/statements?teamId={t}&period={p}", tokens.rep("r-401"), "t-apr", APRIL)
                .expectStatus().isForbidden();
    }

    @Test
    void shouldShowAManagerTheirTeamsStatementsOnly() {
        String manager = tokens.manager("mgr-apr", "t-apr");

        assertThat(api.statement("r-402", APRIL, manager).net("CNY")).isEqualByComparingTo("1500.00");
        api.get("/api/incentives/statements/{rep}?period={p}", manager, "r-403", APRIL).expectStatus().isForbidden();
        TeamStatement team = api.get("/api/incentives/statements?teamId={t}&period={p}", manager, "t-apr", APRIL)
                .expectStatus().isOk().expectBody(TeamStatement.class).returnResult().getResponseBody();
        assertThat(team.members()).extracting(TeamStatement.Member::repId, m -> m.totals().get(0).net().toPlainString())
                .containsExactly(tuple("r-401", "3000.00"), tuple("r-402", "1500.00"));
        assertThat(team.totals()).singleElement().satisfies(total -> assertThat(total.net()).isEqualByComparingTo("4500.00"));
        api.get("/api/incentives/statements?teamId={t}&period={p}", manager, "t-apr-b", APRIL).expectStatus().isForbidden();
        assertThat(api.get("/api/incentives/awards?period={p}", manager, APRIL).expectStatus().isOk()
                .expectBody(AwardView[].class).returnResult().getResponseBody())
                .extracting(AwardView::repId).containsOnly("r-401", "r-402");
    }

    @Test
    void shouldShowAnAdminEveryoneAndAnIntegrationNothing() {
        assertThat(api.get("/api/incentives/awards?period={p}", tokens.admin(), APRIL).expectStatus().isOk()
                .expectBody(AwardView[].class).returnResult().getResponseBody())
                .extracting(AwardView::repId).contains("r-401", "r-402", "r-403");
        for (String path : List.of("/api/incentives/statements/r-401?period=" + APRIL, "/api/incentives/awards?period=" + APRIL,
                "/api/incentives/payouts?period=" + APRIL)) {
            api.get(path, tokens.integration()).expectStatus().isForbidden();
        }
    }
}
