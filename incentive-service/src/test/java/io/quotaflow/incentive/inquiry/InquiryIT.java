package io.quotaflow.incentive.inquiry;

import io.quotaflow.events.incentive.IncentiveAwarded;
import io.quotaflow.events.incentive.IncentiveEvent;
import io.quotaflow.incentive.fixtures.Events;
import io.quotaflow.incentive.fixtures.Feed;
import io.quotaflow.incentive.fixtures.IncentiveScenario;
import io.quotaflow.incentive.fixtures.PlanDrafts;
import io.quotaflow.incentive.statement.Statement;
import io.quotaflow.testsupport.EventTap;
import io.quotaflow.testsupport.SalesOrgFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.client.RestTestClient;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A rep disputes a statement line; their manager accepts (an adjustment award) or rejects it; all in the trail. */
class InquiryIT extends IncentiveScenario {

    static final YearMonth OCTOBER = YearMonth.of(2026, 10);

    String lineId;

    @BeforeEach
    void statementWithALine() {
        givenOrg(SalesOrgFixture.team("t-oct", "east", "mgr-oct"), SalesOrgFixture.team("t-oct-b", "east", "mgr-oct-b"),
                SalesOrgFixture.rep("r-1001", "t-oct", LocalDate.of(2025, 1, 1)),
                SalesOrgFixture.rep("r-1002", "t-oct-b", LocalDate.of(2025, 1, 1)));
        api.putPlan("inquiry-2026-10", PlanDrafts.plan(OCTOBER,
                        PlanDrafts.commission("commission", "REVENUE", "CLOSE", null, PlanDrafts.band("0", null, "0.03"))),
                tokens.admin()).expectStatus().is2xxSuccessful();
        Feed.publish(Events.deal("r-1001", "d-1001", "100000.00", LocalDate.of(2026, 10, 9)));
        await().atMost(Duration.ofSeconds(30)).until(() -> !api.statement("r-1001", OCTOBER, tokens.admin()).lines().isEmpty());
        lineId = api.statement("r-1001", OCTOBER, tokens.admin()).lines().get(0).lineId().toString();
    }

    @Test
    void shouldPayAnAcceptedInquiryAsAnAdjustmentAwardWithItsTrail() {
        InquiryView opened = open(tokens.rep("r-1001"), Map.of("period", OCTOBER.toString(), "lineId", lineId,
                "message", "My rate for cloud deals is 5 %, not 3 %"));
        assertThat(opened.status()).isEqualTo("OPEN");
        comment(opened.inquiryId(), tokens.manager("mgr-oct", "t-oct"), "Checking the contract");

        try (EventTap<IncentiveEvent> tap = tapIncentives()) {
            InquiryView accepted = resolve(opened.inquiryId(), tokens.manager("mgr-oct", "t-oct"),
                    Map.of("decision", "ACCEPTED", "amount", "2000.00", "reason", "cloud rate confirmed"))
                    .expectStatus().isOk().expectBody(InquiryView.class).returnResult().getResponseBody();

            assertThat(accepted.status()).isEqualTo("ACCEPTED");
            assertThat(accepted.adjustment().amount()).isEqualByComparingTo("2000.00");
            assertThat(accepted.trail()).extracting(InquiryView.Entry::action)
                    .containsExactly("OPENED", "COMMENTED", "ACCEPTED");
            assertThat(accepted.trail()).extracting(InquiryView.Entry::by)
                    .containsExactly("r-1001", "mgr-oct", "mgr-oct");
            IncentiveAwarded award = awarded(tap.awaitUntil(all -> !awarded(all, "r-1001").isEmpty(), Duration.ofSeconds(30)),
                    "r-1001").get(0);
            assertThat(award.awardId()).isEqualTo(accepted.adjustment().awardId());
            assertThat(award.amount()).isEqualByComparingTo("2000.00");
        }
        Statement statement = api.statement("r-1001", OCTOBER, tokens.rep("r-1001"));
        assertThat(statement.lines()).extracting(Statement.Line::ruleType).containsExactlyInAnyOrder("TIERED_COMMISSION", "ADJUSTMENT");
        assertThat(statement.net("CNY")).isEqualByComparingTo("5000.00");
        resolve(opened.inquiryId(), tokens.manager("mgr-oct", "t-oct"), Map.of("decision", "REJECTED", "reason", "again"))
                .expectStatus().isEqualTo(409);
    }

    @Test
    void shouldRejectWithAReasonAndPayNothing() {
        InquiryView opened = open(tokens.rep("r-1001"), Map.of("period", OCTOBER.toString(), "message", "Where is my SPIFF?"));

        resolve(opened.inquiryId(), tokens.manager("mgr-oct", "t-oct"), Map.of("decision", "REJECTED"))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
        InquiryView rejected = resolve(opened.inquiryId(), tokens.manager("mgr-oct", "t-oct"),
                Map.of("decision", "REJECTED", "reason", "no SPIFF on hardware this month"))
                .expectStatus().isOk().expectBody(InquiryView.class).returnResult().getResponseBody();

        assertThat(rejected.status()).isEqualTo("REJECTED");
        assertThat(rejected.resolution().reason()).isEqualTo("no SPIFF on hardware this month");
        assertThat(rejected.adjustment()).isNull();
        assertThat(rejected.trail()).extracting(InquiryView.Entry::action).containsExactly("OPENED", "REJECTED");
    }

    @Test
    void shouldKeepInquiriesToTheRepTheirManagerAndAdmins() {
        InquiryView opened = open(tokens.rep("r-1001"), Map.of("period", OCTOBER.toString(), "message", "Check my deal"));

        api.get("/api/incentives/inquiries/{id}", tokens.rep("r-1002"), opened.inquiryId()).expectStatus().isForbidden();
        api.post("/api/incentives/inquiries", Map.of("repId", "r-1001", "period", OCTOBER.toString(), "message", "x"),
                tokens.rep("r-1002")).expectStatus().isForbidden();
        resolve(opened.inquiryId(), tokens.manager("mgr-oct-b", "t-oct-b"), Map.of("decision", "REJECTED", "reason", "no"))
                .expectStatus().isForbidden();
        resolve(opened.inquiryId(), tokens.rep("r-1001"), Map.of("decision", "ACCEPTED", "amount", "1.00"))
                .expectStatus().isForbidden();
        assertThat(api.get("/api/incentives/inquiries?period={p}", tokens.manager("mgr-oct", "t-oct"), OCTOBER)
                .expectStatus().isOk().expectBody(InquiryView[].class).returnResult().getResponseBody())
                .extracting(InquiryView::inquiryId).contains(opened.inquiryId());
        assertThat(api.get("/api/incentives/inquiries?period={p}", tokens.rep("r-1002"), OCTOBER)
                .expectStatus().isOk().expectBody(InquiryView[].class).returnResult().getResponseBody()).isEmpty();
    }

    @Test
    void shouldNameTheBadFieldOfAnInquiry() {
        api.post("/api/incentives/inquiries", Map.of("period", OCTOBER.toString()), tokens.rep("r-1001"))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("message");
        api.post("/api/incentives/inquiries", Map.of("period", OCTOBER.toString(), "lineId", "not-a-line", "message", "?"),
                tokens.rep("r-1001")).expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("lineId");
        InquiryView opened = open(tokens.rep("r-1001"), Map.of("period", OCTOBER.toString(), "message", "amount?"));
        resolve(opened.inquiryId(), tokens.manager("mgr-oct", "t-oct"), Map.of("decision", "ACCEPTED", "amount", "10.001"))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("amount");
        resolve(opened.inquiryId(), tokens.manager("mgr-oct", "t-oct"), Map.of("decision", "MAYBE"))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("decision");
    }

    private InquiryView open(String token, Map<String, String> body) {
        return api.post("/api/incentives/inquiries", body, token).expectStatus().isCreated()
                .expectBody(InquiryView.class).returnResult().getResponseBody();
    }

    private void comment(String inquiryId, String token, String message) {
        api.post("/api/incentives/inquiries/{id}/comments", Map.of("message", message), token, inquiryId)
                .expectStatus().isOk();
    }

    private RestTestClient.ResponseSpec resolve(String inquiryId, String token, Map<String, String> body) {
        return api.post("/api/incentives/inquiries/{id}/resolution", body, token, inquiryId);
    }
}
