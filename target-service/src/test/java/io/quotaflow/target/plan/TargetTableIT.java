package io.quotaflow.target.plan;

import io.quotaflow.target.decomposition.EntityType;
import io.quotaflow.target.plan.PlanViews.PlanView;
import io.quotaflow.target.plan.PlanViews.TargetTable;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The target management table (责任主体 | 目标类型 | 月度目标值 | 周均目标 | 关键策略), as JSON and CSV. */
class TargetTableIT extends PlanScenario {

    @Test
    void shouldGiveEveryNodeItsMonthlyTargetWeeklyAverageAndKeyStrategy() {
        PlanView plan = api.create(PlanDrafts.withStrategies(PlanDrafts.revenue("3000000.00"),
                List.of(new PlanDraft.StrategyInput(EntityType.COMPANY, "company", "Push renewals before Spring Festival"))),
                admin);
        http.put().uri("/api/targets/plans/{id}/strategies/TEAM/{team}", plan.planId(), SalesOrgFixture.WEST_1)
                .headers(h -> h.setBearerAuth(admin)).body(Map.of("strategy", "Two livestreams a week"))
                .exchange().expectStatus().isOk();

        TargetTable table = api.fetch("/api/targets/plans/{id}/table", admin, plan.planId())
                .expectStatus().isOk().expectBody(TargetTable.class).returnResult().getResponseBody();

        PlanViews.TableRow company = table.rows().get(0);
        assertThat(company.responsible()).isEqualTo("company Company");
        assertThat(company.monthlyTarget()).isEqualByComparingTo("3000000.00");
        assertThat(company.weeklyAverage()).isEqualByComparingTo("750000.00");
        assertThat(company.keyStrategy()).isEqualTo("Push renewals before Spring Festival");
        assertThat(table.rows()).filteredOn(row -> row.entityId().equals(SalesOrgFixture.WEST_1)).singleElement()
                .satisfies(row -> assertThat(row.keyStrategy()).isEqualTo("Two livestreams a week"));
        assertThat(table.rows()).hasSize(plan.nodes().size());
    }

    @Test
    void shouldExportTheTableAsCsvWithChineseHeadersOnRequest() {
        PlanView plan = api.create(PlanDrafts.revenue("3000000.00"), admin);

        byte[] english = csv(plan, "");
        byte[] chinese = csv(plan, "?lang=zh");

        assertThat(new String(english, StandardCharsets.UTF_8).lines().findFirst())
                .hasValue("responsible entity,target type,monthly target,weekly average,key strategy");
        assertThat(new String(english, StandardCharsets.UTF_8))
                .contains("company Company,REVENUE,3000000.00,750000.00,");
        assertThat(new String(chinese, StandardCharsets.UTF_8).lines().findFirst())
                .hasValue("\uFEFF责任主体,目标类型,月度目标值,周均目标,关键策略");
        assertThat(new String(chinese, StandardCharsets.UTF_8)).contains("公司 Company,销售额,3000000.00,750000.00,");
        assertThat(new String(english, StandardCharsets.UTF_8).lines().count()).isEqualTo(plan.nodes().size() + 1L);
    }

    @Test
    void shouldExportAStrategyThatLooksLikeAFormulaAsText() {
        String formula = "=HYPERLINK(\"http://x\",\"y\")";
        PlanView plan = api.create(PlanDrafts.withStrategies(PlanDrafts.revenue("3000000.00"),
                List.of(new PlanDraft.StrategyInput(EntityType.COMPANY, "company", formula))), admin);

        String csv = new String(csv(plan, ""), StandardCharsets.UTF_8);
        TargetTable table = api.fetch("/api/targets/plans/{id}/table", admin, plan.planId())
                .expectStatus().isOk().expectBody(TargetTable.class).returnResult().getResponseBody();

        assertThat(csv).contains("company Company,REVENUE,3000000.00,750000.00,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"")
                .doesNotContain(",\"=HYPERLINK");
        assertThat(table.rows().get(0).keyStrategy()).as("the JSON table keeps the words as written").isEqualTo(formula);
    }

    private byte[] csv(PlanView plan, String query) {
        return http.get().uri("/api/targets/plans/" + plan.planId() + "/table" + query)
                .headers(h -> h.setBearerAuth(admin)).accept(new org.springframework.http.MediaType("text", "csv"))
                .exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/csv")
                .expectBody(byte[].class).returnResult().getResponseBody();
    }
}
