package io.quotaflow.target.plan;

import io.quotaflow.target.decomposition.EntityType;
import io.quotaflow.target.plan.PlanViews.PlanView;
import io.quotaflow.target.plan.PlanViews.ReconciliationRow;
import io.quotaflow.target.plan.PlanViews.ReconciliationView;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static io.quotaflow.target.plan.PlanLifecycleIT.node;
import static org.assertj.core.api.Assertions.assertThat;

/** Bottom-up commitments against top-down targets, and adopting them. */
class CommitmentsIT extends PlanScenario {

    final String alice = tokens.manager("alice", SalesOrgFixture.EAST_1);

    @Test
    void shouldShowTheGapBetweenTopDownAndBottomUpAtEveryNode() {
        PlanView plan = api.create(PlanDrafts.revenue("1000000.00"), admin);
        BigDecimal topDown = node(plan, EntityType.TEAM, SalesOrgFixture.EAST_1).monthly();
        commit(plan, EntityType.TEAM, SalesOrgFixture.EAST_1, topDown.add(new BigDecimal("25000.00")), alice);

        ReconciliationView reconciliation = reconciliation(plan, admin);

        ReconciliationRow team = row(reconciliation, EntityType.TEAM, SalesOrgFixture.EAST_1);
        assertThat(team.topDown()).isEqualByComparingTo(topDown);
        assertThat(team.bottomUp()).isEqualByComparingTo(topDown.add(new BigDecimal("25000.00")));
        assertThat(team.gap()).isEqualByComparingTo("25000.00");
        assertThat(team.source()).isEqualTo("COMMITTED");
        assertThat(team.committedBy()).isEqualTo("alice");
        assertThat(row(reconciliation, EntityType.TEAM, SalesOrgFixture.EAST_2).source()).isEqualTo("NONE");
        assertThat(reconciliation.rows()).noneMatch(row -> row.entityType() == EntityType.PRODUCT_LINE);
    }

    @Test
    void shouldRollRepCommitmentsUpToTheirTeam() {
        PlanView plan = api.create(PlanDrafts.revenue("1000000.00"), admin);
        commit(plan, EntityType.REP, "r-e2a", new BigDecimal("100000.00"), admin);
        commit(plan, EntityType.REP, "r-e2b", new BigDecimal("80000.00"), admin);

        ReconciliationRow team = row(reconciliation(plan, admin), EntityType.TEAM, SalesOrgFixture.EAST_2);

        assertThat(team.source()).isEqualTo("ROLLED_UP");
        assertThat(team.bottomUp()).isEqualByComparingTo("180000.00");
    }

    @Test
    void shouldAdoptBottomUpCommitmentsIntoANewDraftVersion() {
        PlanView plan = api.create(PlanDrafts.revenue("1000000.00"), admin);
        BigDecimal eastOne = node(plan, EntityType.TEAM, SalesOrgFixture.EAST_1).monthly();
        BigDecimal committed = eastOne.add(new BigDecimal("50000.00"));
        commit(plan, EntityType.TEAM, SalesOrgFixture.EAST_1, committed, alice);

        PlanView adopted = adopt(plan, "{\"source\":\"BOTTOM_UP\"}");

        assertThat(adopted.version()).isEqualTo(2);
        assertThat(adopted.status()).isEqualTo(PlanStatus.DRAFT);
        assertThat(node(adopted, EntityType.TEAM, SalesOrgFixture.EAST_1).monthly()).isEqualByComparingTo(committed);
        assertThat(node(adopted, EntityType.COMPANY, "company").monthly()).isEqualByComparingTo("1050000.00");
        assertThat(node(adopted, EntityType.TEAM, SalesOrgFixture.EAST_2).monthly())
                .isEqualByComparingTo(node(plan, EntityType.TEAM, SalesOrgFixture.EAST_2).monthly());
        assertThat(adopted.total()).isEqualByComparingTo("1050000.00");
    }

    @Test
    void shouldBlendTopDownAndBottomUp() {
        PlanView plan = api.create(PlanDrafts.revenue("1000000.00"), admin);
        BigDecimal eastOne = node(plan, EntityType.TEAM, SalesOrgFixture.EAST_1).monthly();
        commit(plan, EntityType.TEAM, SalesOrgFixture.EAST_1, eastOne.add(new BigDecimal("40000.00")), alice);

        PlanView blended = adopt(plan, "{\"source\":\"BLEND\",\"blend\":0.5,\"reason\":\"meet half way\"}");

        assertThat(node(blended, EntityType.TEAM, SalesOrgFixture.EAST_1).monthly())
                .isEqualByComparingTo(eastOne.add(new BigDecimal("20000.00")));
        assertThat(blended.total()).isEqualByComparingTo("1020000.00");
        assertThat(blended.versions()).last().satisfies(entry -> assertThat(entry.reason()).isEqualTo("meet half way"));
    }

    private void commit(PlanView plan, EntityType type, String id, BigDecimal amount, String token) {
        api.post("/api/targets/plans/{id}/commitments", new CommitmentInput(type, id, amount), token, plan.planId())
                .expectStatus().isCreated();
    }

    private PlanView adopt(PlanView plan, String body) {
        return http.post().uri("/api/targets/plans/{id}/adopt", plan.planId()).headers(h -> h.setBearerAuth(admin))
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON).body(body)
                .exchange().expectStatus().isOk()
                .expectBody(PlanView.class).returnResult().getResponseBody();
    }

    private ReconciliationView reconciliation(PlanView plan, String token) {
        return api.fetch("/api/targets/plans/{id}/reconciliation", token, plan.planId())
                .expectStatus().isOk()
                .expectBody(ReconciliationView.class).returnResult().getResponseBody();
    }

    private static ReconciliationRow row(ReconciliationView view, EntityType type, String id) {
        return view.rows().stream().filter(row -> row.entityType() == type && row.entityId().equals(id)).findFirst()
                .orElseThrow();
    }
}
