package io.quotaflow.target.plan;

import io.quotaflow.target.decomposition.EntityType;
import io.quotaflow.target.plan.PlanViews.PlanView;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** Only an ADMIN plans; a MANAGER sees and commits for their own teams; a REP reads their own targets. */
class PlanAccessIT extends PlanScenario {


    @Test
    void shouldLetOnlyAnAdminCreateOrApprovePlans() {
        api.post("/api/targets/plans", PlanDrafts.revenue("100000.00"), tokens.manager("alice", SalesOrgFixture.EAST_1))
                .expectStatus().isForbidden();
        api.post("/api/targets/plans", PlanDrafts.revenue("100000.00"), tokens.rep("r-e1a")).expectStatus().isForbidden();
        api.post("/api/targets/plans", PlanDrafts.revenue("100000.00"), tokens.integration()).expectStatus().isForbidden();
        http.post().uri("/api/targets/plans").body(PlanDrafts.revenue("100000.00")).exchange()
                .expectStatus().isUnauthorized();

        PlanView draft = api.create(PlanDrafts.revenue("100000.00"), tokens.admin());
        api.post("/api/targets/plans/{id}/approve", "", tokens.manager("alice", SalesOrgFixture.EAST_1), draft.planId())
                .expectStatus().isForbidden();
        assertThat(api.get(draft.planId(), tokens.admin()).status()).isEqualTo(PlanStatus.DRAFT);
    }

    @Test
    void shouldShowAManagerOnlyTheirTeamsAndTheirReps() {
        PlanView plan = api.create(PlanDrafts.revenue("100000.00"), tokens.admin());

        PlanView seen = api.get(plan.planId(), tokens.manager("alice", SalesOrgFixture.EAST_1));

        assertThat(seen.nodes()).filteredOn(node -> node.entityType() == EntityType.TEAM)
                .extracting(PlanViews.NodeView::entityId).containsExactly(SalesOrgFixture.EAST_1);
        assertThat(seen.nodes()).filteredOn(node -> node.entityType() == EntityType.REP)
                .extracting(PlanViews.NodeView::parentId).containsOnly(SalesOrgFixture.EAST_1);
        assertThat(seen.nodes()).extracting(PlanViews.NodeView::entityType).contains(EntityType.COMPANY, EntityType.REGION);
        api.fetch("/api/targets/plans/{id}", tokens.rep("r-e1a"), plan.planId()).expectStatus().isForbidden();
    }

    @Test
    void shouldLetAManagerCommitOnlyForTheirOwnTeamsAndReps() {
        PlanView plan = api.create(PlanDrafts.revenue("100000.00"), tokens.admin());
        String alice = tokens.manager("alice", SalesOrgFixture.EAST_1);

        api.post("/api/targets/plans/{id}/commitments",
                        new CommitmentInput(EntityType.TEAM, SalesOrgFixture.EAST_1, new BigDecimal("40000.00")), alice,
                        plan.planId())
                .expectStatus().isCreated();
        api.post("/api/targets/plans/{id}/commitments",
                        new CommitmentInput(EntityType.REP, "r-e1b", new BigDecimal("9000.00")), alice, plan.planId())
                .expectStatus().isCreated();
        api.post("/api/targets/plans/{id}/commitments",
                        new CommitmentInput(EntityType.TEAM, SalesOrgFixture.WEST_1, new BigDecimal("1.00")), alice,
                        plan.planId())
                .expectStatus().isForbidden();
        api.post("/api/targets/plans/{id}/commitments",
                        new CommitmentInput(EntityType.REGION, "east", new BigDecimal("1.00")), alice, plan.planId())
                .expectStatus().isForbidden();
        api.post("/api/targets/plans/{id}/commitments",
                        new CommitmentInput(EntityType.REP, "r-e1b", new BigDecimal("1.00")), tokens.rep("r-e1b"),
                        plan.planId())
                .expectStatus().isForbidden();
    }

    @Test
    void shouldLetARepReadOnlyTheirOwnTargets() {
        api.approve(api.create(PlanDrafts.calls("2000"), tokens.admin()).planId(), tokens.admin());
        String rep = tokens.rep("r-e1a");

        api.fetch("/api/targets?period=2027-02", rep).expectStatus().isOk()
                .expectBody().jsonPath("$[*].entityId").value(ids ->
                        assertThat((java.util.List<String>) ids).isNotEmpty().containsOnly("r-e1a"));
        api.fetch("/api/targets?period=2027-02&entityType=REP&entityId=r-e1b", rep).expectStatus().isForbidden();
        api.fetch("/api/targets?period=2027-02&entityType=TEAM&entityId=" + SalesOrgFixture.EAST_1, rep)
                .expectStatus().isForbidden();
        api.fetch("/api/targets?period=2027-02&entityType=REP&entityId=r-w1a",
                tokens.manager("alice", SalesOrgFixture.EAST_1)).expectStatus().isForbidden();
        api.fetch("/api/targets?period=2027-02", tokens.integration()).expectStatus().isForbidden();
    }
}
