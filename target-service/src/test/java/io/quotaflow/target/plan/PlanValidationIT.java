package io.quotaflow.target.plan;

import io.quotaflow.target.decomposition.Allocation;
import io.quotaflow.target.decomposition.EntityType;
import io.quotaflow.target.plan.PlanViews.PlanSummary;
import io.quotaflow.target.plan.PlanViews.PlanView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input gets a problem naming the field, and changes nothing. */
class PlanValidationIT extends PlanScenario {

    /** Nothing else plans this month, so "nothing stored" is easy to check. */
    static final YearMonth UNTOUCHED = YearMonth.of(2031, 7);


    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"period\":\"2031-07\",\"metric\":\"REVENUE\",\"total\":\"-5.00\"}                         | total",
            "{\"period\":\"2031-07\",\"metric\":\"REVENUE\",\"total\":\"0\"}                             | total",
            "{\"period\":\"2031-07\",\"metric\":\"REVENUE\",\"total\":\"lots\"}                          | total",
            "{\"period\":\"2031-07\",\"metric\":\"REVENUE\",\"total\":\"100.005\"}                       | total",
            "{\"period\":\"2031-07\",\"metric\":\"CALLS\",\"total\":\"10.5\"}                            | total",
            "{\"period\":\"2031-13\",\"metric\":\"REVENUE\",\"total\":\"100\"}                           | period",
            "{\"period\":\"2150-01\",\"metric\":\"REVENUE\",\"total\":\"100\"}                           | period",
            "{\"metric\":\"REVENUE\",\"total\":\"100\"}                                                  | period",
            "{\"period\":\"2031-07\",\"metric\":\"HAPPINESS\",\"total\":\"100\"}                         | metric",
            "{\"period\":\"2031-07\",\"metric\":\"REVENUE\",\"total\":\"100\",\"currency\":\"USD\"}      | currency",
            "{\"period\":\"2031-07\",\"metric\":\"CALLS\",\"total\":\"100\",\"currency\":\"CNY\"}        | currency",
            "{\"period\":\"2031-07\",\"metric\":\"REVENUE\",\"total\":\"100\",\"levels\":{\"base\":1.5,\"challenge\":1.2}} | levels.base",
            "{\"period\":\"2031-07\",\"metric\":\"REVENUE\",\"total\":\"100\",\"levels\":{\"base\":0.8,\"challenge\":0.9}} | levels.challenge",
            "{\"period\":\"2031-07\",\"metric\":\"REVENUE\",\"total\":\"100\",\"allocation\":{\"reps\":\"LOTTERY\"}} | allocation.reps",
            "{\"period\":\"2031-07\",\"metric\":\"REVENUE\",\"total\":\"100\",\"rampMonths\":-1}         | rampMonths",
            "{\"period\":\"2031-07\",\"metric\":\"REVENUE\",\"total\":\"100\",\"calendar\":{\"holidays\":[\"2031-07-32\"]}} | calendar.holidays[0]",
    })
    void shouldNameTheBadFieldAndStoreNothing(String body, String field) {
        http.post().uri("/api/targets/plans").headers(h -> h.setBearerAuth(admin))
                .contentType(MediaType.APPLICATION_JSON).body(body)
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo(field);

        assertThat(plansIn(UNTOUCHED)).isEmpty();
    }

    @Test
    void shouldRefuseWeightsThatSumToZero() {
        PlanDraft byHistoryWithoutHistory = PlanDrafts.inPeriod(PlanDrafts.withAllocation(
                PlanDrafts.revenue("1000000.00"), new Allocation(Allocation.ProductLineMethod.HISTORY, null, null)),
                UNTOUCHED);

        api.post("/api/targets/plans", byHistoryWithoutHistory, admin)
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("history.productLines");
        assertThat(plansIn(UNTOUCHED)).isEmpty();
    }

    @Test
    void shouldRefuseAStrategyForAnEntityNotInThePlan() {
        PlanDraft draft = PlanDrafts.inPeriod(PlanDrafts.withStrategies(PlanDrafts.revenue("1000000.00"),
                List.of(new PlanDraft.StrategyInput(EntityType.TEAM, "t-nowhere", "win big"))), UNTOUCHED);

        api.post("/api/targets/plans", draft, admin)
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("strategies[0].entityId");
        assertThat(plansIn(UNTOUCHED)).isEmpty();
    }

    @Test
    void shouldRefuseToReviseADraft() {
        PlanView draft = api.create(PlanDrafts.revenue("1000000.00"), admin);

        api.post("/api/targets/plans/{id}/revisions", new Revision("too high", null, new BigDecimal("900000.00"), null,
                List.of()), admin, draft.planId())
                .expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("planId")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("DRAFT"));

        assertThat(api.get(draft.planId(), admin).version()).isEqualTo(1);
    }

    @Test
    void shouldRefuseToApproveTwice() {
        PlanView approved = api.approve(api.create(PlanDrafts.revenue("1000000.00"), admin).planId(), admin);

        api.post("/api/targets/plans/{id}/approve", "", admin, approved.planId())
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("status");
    }

    @Test
    void shouldRefuseRevisionsNamingUnknownNodesOrPastDaysAndKeepTheVersion() {
        PlanView approved = api.approve(api.create(PlanDrafts.revenue("1000000.00"), admin).planId(), admin);

        api.post("/api/targets/plans/{id}/revisions", new Revision("typo", null, null, null,
                        List.of(new Revision.Change(EntityType.REP, "r-ghost", BigDecimal.TEN))), admin, approved.planId())
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("changes.entityId");
        api.post("/api/targets/plans/{id}/revisions", new Revision("outside", LocalDate.of(2027, 3, 1),
                        new BigDecimal("900000.00"), null, List.of()), admin, approved.planId())
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("effectiveFrom");
        api.post("/api/targets/plans/{id}/revisions", new Revision(" ", null, new BigDecimal("900000.00"), null,
                        List.of()), admin, approved.planId())
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");

        assertThat(api.get(approved.planId(), admin).version()).isEqualTo(1);
    }

    @Test
    void shouldRefuseCommitmentsForUnknownEntitiesOrNegativeAmounts() {
        PlanView draft = api.create(PlanDrafts.revenue("1000000.00"), admin);

        api.post("/api/targets/plans/{id}/commitments",
                        new CommitmentInput(EntityType.TEAM, "t-ghost", BigDecimal.ONE), admin, draft.planId())
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("entityId");
        api.post("/api/targets/plans/{id}/commitments",
                        new CommitmentInput(EntityType.TEAM, SalesOrgFixture.EAST_1, new BigDecimal("-1")), admin,
                        draft.planId())
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("amount");

        assertThat(api.get(draft.planId(), admin).nodes()).allSatisfy(node -> assertThat(node.commitment()).isNull());
    }

    @Test
    void shouldAnswer404ForAnUnknownPlan() {
        api.fetch("/api/targets/plans/{id}", admin, "pl-nothing")
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void shouldPreviewWithoutSavingAnything() {
        PlanView preview = http.post().uri("/api/targets/plans:preview").headers(h -> h.setBearerAuth(admin))
                .body(PlanDrafts.inPeriod(PlanDrafts.revenue("500000.00"), UNTOUCHED))
                .exchange().expectStatus().isOk()
                .expectBody(PlanView.class).returnResult().getResponseBody();

        assertThat(preview.planId()).isNull();
        assertThat(preview.nodes()).isNotEmpty();
        assertThat(plansIn(UNTOUCHED)).isEmpty();
    }

    private List<PlanSummary> plansIn(YearMonth period) {
        return http.get().uri("/api/targets/plans?period={period}", period).headers(h -> h.setBearerAuth(admin))
                .exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<PlanSummary>>() {
                }).returnResult().getResponseBody();
    }
}
