package io.quotaflow.target.plan;

import io.quotaflow.target.decomposition.Decomposer;
import io.quotaflow.target.decomposition.Decomposition;
import io.quotaflow.target.decomposition.DecompositionRequest;
import io.quotaflow.target.decomposition.EntityType;
import io.quotaflow.target.decomposition.MarketType;
import io.quotaflow.target.decomposition.NodeKey;
import io.quotaflow.target.decomposition.OrgSnapshot;
import io.quotaflow.target.decomposition.RegionInfo;
import io.quotaflow.target.decomposition.RepInfo;
import io.quotaflow.target.decomposition.TeamInfo;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReconcilerTest {

    private static final NodeKey TEAM_A = new NodeKey(EntityType.TEAM, "a");
    private static final NodeKey TEAM_B = new NodeKey(EntityType.TEAM, "b");
    private static final NodeKey REP_A1 = new NodeKey(EntityType.REP, "a1");
    private static final NodeKey REP_A2 = new NodeKey(EntityType.REP, "a2");

    /** One region, teams a (reps a1, a2) and b (rep b1), 1,200.00 split evenly by capacity: a 800, b 400. */
    private final Decomposition plan = Decomposer.decompose(DecompositionRequest.of(YearMonth.of(2027, 3),
            new BigDecimal("1200.00"), 2, new OrgSnapshot(List.of(),
                    List.of(new RegionInfo("r", MarketType.MATURE, BigDecimal.ZERO)),
                    List.of(new TeamInfo("a", "r"), new TeamInfo("b", "r")),
                    List.of(rep("a1", "a"), rep("a2", "a"), rep("b1", "b")))));

    @Test
    void shouldRollCommitmentsUpOnlyWhenEveryChildHasOne() {
        Map<NodeKey, Reconciler.Row> rows = rows(Map.of(REP_A1, new BigDecimal("450.00")));

        assertThat(rows.get(REP_A1).gap()).isEqualByComparingTo("50.00");
        assertThat(rows.get(TEAM_A).source()).isEqualTo(Reconciler.Source.NONE);

        rows = rows(Map.of(REP_A1, new BigDecimal("450.00"), REP_A2, new BigDecimal("300.00")));

        assertThat(rows.get(TEAM_A).source()).isEqualTo(Reconciler.Source.ROLLED_UP);
        assertThat(rows.get(TEAM_A).bottomUp()).isEqualByComparingTo("750.00");
        assertThat(rows.get(TEAM_A).gap()).isEqualByComparingTo("-50.00");
    }

    @Test
    void shouldAdoptCommitmentsAndRollTheChangeUpToTheCompany() {
        Map<NodeKey, BigDecimal> changes = new Reconciler(plan, Map.of(REP_A1, new BigDecimal("500.00")))
                .adopted(Reconciler.blend(BigDecimal.ONE, 2));

        assertThat(changes).containsEntry(REP_A1, new BigDecimal("500.00"))
                .containsEntry(TEAM_A, new BigDecimal("900.00"))
                .containsEntry(NodeKey.COMPANY, new BigDecimal("1300.00"))
                .doesNotContainKeys(TEAM_B, REP_A2);
    }

    @Test
    void shouldBlendHalfWay() {
        Map<NodeKey, BigDecimal> changes = new Reconciler(plan, Map.of(TEAM_B, new BigDecimal("500.00")))
                .adopted(Reconciler.blend(new BigDecimal("0.5"), 2));

        assertThat(changes.get(TEAM_B)).isEqualByComparingTo("450.00");
        assertThat(changes.get(NodeKey.COMPANY)).isEqualByComparingTo("1250.00");
    }

    private Map<NodeKey, Reconciler.Row> rows(Map<NodeKey, BigDecimal> commitments) {
        return new Reconciler(plan, commitments).rows().stream()
                .collect(java.util.stream.Collectors.toMap(row -> row.node().key(), row -> row));
    }

    private static RepInfo rep(String id, String team) {
        return new RepInfo(id, team, LocalDate.of(2020, 1, 1), BigDecimal.ONE);
    }
}
