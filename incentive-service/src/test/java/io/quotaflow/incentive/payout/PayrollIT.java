package io.quotaflow.incentive.payout;

import io.quotaflow.events.org.RepChanged;
import io.quotaflow.events.org.TeamMembership;
import io.quotaflow.incentive.fixtures.Events;
import io.quotaflow.incentive.fixtures.Feed;
import io.quotaflow.incentive.fixtures.IncentiveScenario;
import io.quotaflow.incentive.fixtures.PlanDrafts;
import io.quotaflow.testsupport.SalesOrgFixture;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;

/** The payroll export of a closed period, as JSON and as CSV that no spreadsheet runs as a formula. */
class PayrollIT extends IncentiveScenario {

    static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
    static final LocalDate DAY = LocalDate.of(2026, 11, 16);
    static final String FORMULA_NAME = "=HYPERLINK(\"http://evil.example\",\"pay\")";

    @Test
    void shouldExportWhatEachRepIsPaidAsJsonAndNeutralisedCsv() {
        givenOrg(SalesOrgFixture.team("t-nov", "east", "mgr-nov"),
                new RepChanged("r-1101", FORMULA_NAME, "t-nov", LocalDate.of(2025, 1, 1), null, BigDecimal.ONE,
                        List.of(new TeamMembership("t-nov", LocalDate.of(2025, 1, 1), null)), 1),
                SalesOrgFixture.rep("r-1102", "t-nov", LocalDate.of(2025, 1, 1)));
        api.putPlan("payroll-2026-11", PlanDrafts.plan(NOVEMBER,
                        PlanDrafts.commission("commission", "REVENUE", "CLOSE", null, PlanDrafts.band("0", null, "0.03"))),
                tokens.admin()).expectStatus().is2xxSuccessful();
        Feed.publish(Events.deal("r-1101", "d-1101", "100000.00", DAY), Events.deal("r-1102", "d-1102", "40000.00", DAY),
                Events.deal("r-1102", "d-1103", "10000.00", DAY), Events.cancellation("r-1102", "d-1103", DAY.plusDays(2)));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                api.statement("r-1102", NOVEMBER, tokens.admin()).lines().size() == 3);
        api.post("/api/incentives/periods/{p}/close", null, tokens.admin(), NOVEMBER).expectStatus().isOk();

        Payroll payroll = http.get().uri("/api/incentives/payouts?period={p}", NOVEMBER)
                .headers(h -> h.setBearerAuth(tokens.admin())).accept(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isOk().expectBody(Payroll.class).returnResult().getResponseBody();
        String csv = http.get().uri("/api/incentives/payouts?period={p}", NOVEMBER)
                .headers(h -> h.setBearerAuth(tokens.admin())).accept(MediaType.parseMediaType("text/csv")).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/csv")
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(payroll.status()).isEqualTo("CLOSED");
        assertThat(payroll.rows()).extracting(Payroll.Row::repId, Payroll.Row::teamId, r -> r.awarded().toPlainString(),
                        r -> r.clawedBack().toPlainString(), r -> r.net().toPlainString())
                .containsExactlyInAnyOrder(tuple("r-1101", "t-nov", "3000.00", "0.00", "3000.00"),
                        tuple("r-1102", "t-nov", "1500.00", "300.00", "1200.00"));
        assertThat(payroll.totals()).singleElement().satisfies(total -> {
            assertThat(total.net()).isEqualByComparingTo("4200.00");
            assertThat(total.payees()).isEqualTo(2);
        });
        assertThat(csv.lines().toList()).first().isEqualTo(
                "period,status,repId,name,teamId,currency,awarded,clawedBack,net,held,lines");
        assertThat(csv).contains("2026-11,CLOSED,r-1101,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"pay\"\")\",t-nov,CNY,"
                + "3000.00,0.00,3000.00,0.00,1");
        assertThat(csv).contains("2026-11,CLOSED,r-1102,Rep r-1102,t-nov,CNY,1500.00,300.00,1200.00,0.00,3");
    }

    @Test
    void shouldExportToAManagerTheirTeamOnlyAndToARepNothing() {
        http.get().uri("/api/incentives/payouts?period={p}", NOVEMBER).headers(h -> h.setBearerAuth(tokens.rep("r-1101")))
                .exchange().expectStatus().isForbidden();
        Payroll other = http.get().uri("/api/incentives/payouts?period={p}", NOVEMBER)
                .headers(h -> h.setBearerAuth(tokens.manager("mgr-x", "t-nobody"))).exchange()
                .expectStatus().isOk().expectBody(Payroll.class).returnResult().getResponseBody();

        assertThat(other.rows()).isEmpty();
    }
}
