package io.quotaflow.target.decomposition;

import static io.quotaflow.target.decomposition.Decimals.decimal;
import static io.quotaflow.target.decomposition.EntityType.REGION;
import static io.quotaflow.target.decomposition.EntityType.REP;
import static io.quotaflow.target.decomposition.EntityType.TEAM;
import static io.quotaflow.target.decomposition.Nodes.monthlyOf;
import static io.quotaflow.target.decomposition.Nodes.node;
import static io.quotaflow.target.decomposition.Rejections.assertRejectedOn;
import static io.quotaflow.target.decomposition.RequestBuilder.FEBRUARY_2027;
import static io.quotaflow.target.decomposition.RequestBuilder.aRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import io.quotaflow.target.decomposition.Allocation.RegionMethod;
import io.quotaflow.target.decomposition.Allocation.RepMethod;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Regions are shared evenly here, so East and West have 1,500,000.00 each to pass on. */
class TeamAndRepAllocationTest {

    private static final Allocation EVEN_REGIONS = Allocation.DEFAULT.withRegions(RegionMethod.EVEN);

    @Test
    void shouldShareATeamsTargetByItsRepsCapacity() {
        // given East's reps have 100, 100 and 200 of capacity
        DecompositionRequest request = aRequest().allocation(EVEN_REGIONS).build();

        // when
        Decomposition decomposition = Decomposer.decompose(request);

        // then
        assertThat(decomposition.children(TEAM, "east-1")).extracting(TargetNode::entityId, TargetNode::monthly)
                .containsExactly(
                        tuple("anna", decimal("375000.00")),
                        tuple("ben", decimal("375000.00")),
                        tuple("carl", decimal("750000.00")));
    }

    @Test
    void shouldShareARegionsTargetByTheCapacityOfEachTeamsReps() {
        // given a second East team whose only rep has 200 of capacity, against 400 in the first
        OrgBuilder org = OrgMother.eastAndWest().team("east-2", "east").rep("gus", "east-2", "200");

        // when
        Decomposition decomposition = Decomposer.decompose(aRequest().allocation(EVEN_REGIONS).org(org).build());

        // then
        assertThat(monthlyOf(decomposition, TEAM)).containsExactly(
                entry("east-1", decimal("1000000.00")),
                entry("east-2", decimal("500000.00")),
                entry("west-1", decimal("1500000.00")));
    }

    @Test
    void shouldRampNewRepsByTenure() {
        // given a rep of 400 capacity hired in the month: a quarter of it counts, as much as each West veteran
        OrgBuilder org = OrgMother.eastAndWest().rep("hana", "west-1", FEBRUARY_2027.atDay(10), "400");

        // when
        Decomposition decomposition = Decomposer.decompose(aRequest().allocation(EVEN_REGIONS).org(org).build());

        // then
        assertThat(node(decomposition, REP, "hana").weight()).isEqualByComparingTo("100");
        assertThat(decomposition.children(TEAM, "west-1")).extracting(TargetNode::monthly)
                .containsOnly(decimal("375000.00"));
    }

    @Test
    void shouldNotAssignTargetsToRepsHiredAfterThePeriod() {
        // given
        OrgBuilder org = OrgMother.eastAndWest().rep("ivan", "west-1", FEBRUARY_2027.plusMonths(1).atDay(1), "100");

        // when
        Decomposition decomposition = Decomposer.decompose(aRequest().allocation(EVEN_REGIONS).org(org).build());

        // then
        assertThat(decomposition.node(REP, "ivan")).isEmpty();
        assertThat(decomposition.children(TEAM, "west-1")).extracting(TargetNode::monthly)
                .containsOnly(decimal("500000.00"));
    }

    @Test
    void shouldGiveRepsWithoutCapacityANodeWithZeroUnderCapacity() {
        // given
        OrgBuilder org = OrgMother.eastAndWest().rep("zoe", "west-1", "0");

        // when
        Decomposition decomposition = Decomposer.decompose(aRequest().allocation(EVEN_REGIONS).org(org).build());

        // then
        TargetNode zoe = node(decomposition, REP, "zoe");
        assertThat(zoe.monthly()).isEqualTo(decimal("0.00"));
        assertThat(zoe.base()).isEqualTo(decimal("0.00"));
        assertThat(zoe.challenge()).isEqualTo(decimal("0.00"));
        assertThat(zoe.daily()).extracting(DailyAmount::amount).containsOnly(decimal("0.00"));
    }

    @Test
    void shouldGiveRepsWithoutCapacityAnEvenShareUnderEven() {
        // given
        OrgBuilder org = OrgMother.eastAndWest().rep("zoe", "west-1", "0");
        Allocation even = EVEN_REGIONS.withReps(RepMethod.EVEN);

        // when
        Decomposition decomposition = Decomposer.decompose(aRequest().allocation(even).org(org).build());

        // then
        assertThat(decomposition.children(TEAM, "west-1")).extracting(TargetNode::monthly)
                .containsOnly(decimal("375000.00"));
    }

    @Test
    void shouldKeepTheTargetOfATeamWithoutRepsAndWarn() {
        // given a second West team nobody has joined yet, teams shared evenly
        OrgBuilder org = OrgMother.eastAndWest().team("west-2", "west");
        Allocation even = EVEN_REGIONS.withReps(RepMethod.EVEN);

        // when
        Decomposition decomposition = Decomposer.decompose(aRequest().allocation(even).org(org).build());

        // then
        assertThat(node(decomposition, TEAM, "west-2").monthly()).isEqualTo(decimal("750000.00"));
        assertThat(decomposition.children(TEAM, "west-2")).isEmpty();
        assertThat(decomposition.warnings())
                .containsExactly("team west-2 has no reps on board; its target of 750000.00 is not assigned to anyone");
    }

    @Test
    void shouldKeepTheTargetOfARegionWithoutTeamsAndWarn() {
        // given a new region without teams, regions shared evenly
        OrgBuilder org = OrgMother.eastAndWest().region("north", MarketType.EMERGING, "0.40");

        // when
        Decomposition decomposition = Decomposer.decompose(aRequest().allocation(EVEN_REGIONS).org(org).build());

        // then
        assertThat(node(decomposition, REGION, "north").monthly()).isEqualTo(decimal("1000000.00"));
        assertThat(decomposition.children(REGION, "north")).isEmpty();
        assertThat(decomposition.warnings())
                .containsExactly("region north has no teams; its target of 1000000.00 is not assigned to anyone");
    }

    @Test
    void shouldShareByPriorActualsUnderHistory() {
        // given
        History history = new History(null, null,
                Map.of("east-1", decimal("1"), "west-1", decimal("1")),
                Map.of("anna", decimal("1"), "ben", decimal("1"), "carl", decimal("2"),
                        "dana", decimal("3"), "eve", decimal("1")));
        DecompositionRequest request = aRequest()
                .allocation(EVEN_REGIONS.withReps(RepMethod.HISTORY))
                .history(history)
                .build();

        // when
        Decomposition decomposition = Decomposer.decompose(request);

        // then Finn, without history, gets nothing
        assertThat(monthlyOf(decomposition, REP)).containsExactly(
                entry("anna", decimal("375000.00")),
                entry("ben", decimal("375000.00")),
                entry("carl", decimal("750000.00")),
                entry("dana", decimal("1125000.00")),
                entry("eve", decimal("375000.00")),
                entry("finn", decimal("0.00")));
    }

    @Test
    void shouldRejectHistoryAllocationWithoutAnyHistoryForTeams() {
        // given
        DecompositionRequest request = aRequest().allocation(EVEN_REGIONS.withReps(RepMethod.HISTORY)).build();

        // then
        assertRejectedOn("history.teams", () -> Decomposer.decompose(request));
    }

    @Test
    void shouldRejectHistoryAllocationWithoutAnyHistoryForReps() {
        // given
        History teamsOnly = new History(null, null, Map.of("east-1", decimal("1")), null);
        DecompositionRequest request =
                aRequest().allocation(EVEN_REGIONS.withReps(RepMethod.HISTORY)).history(teamsOnly).build();

        // then
        assertRejectedOn("history.reps", () -> Decomposer.decompose(request));
    }

    @Test
    void shouldRejectCapacityAllocationWhenNoTeamOfARegionHasCapacity() {
        // given West's only team has nobody on board
        OrgBuilder org = OrgBuilder.anOrg()
                .region("east", MarketType.MATURE, "0")
                .region("west", MarketType.MATURE, "0")
                .team("east-1", "east").rep("anna", "east-1", "100")
                .team("west-1", "west");
        DecompositionRequest request = aRequest().allocation(EVEN_REGIONS).org(org).build();

        // then
        assertRejectedOn("allocation.reps", () -> Decomposer.decompose(request));
    }
}
