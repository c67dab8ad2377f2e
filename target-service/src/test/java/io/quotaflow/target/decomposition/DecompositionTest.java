package io.quotaflow.target.decomposition;

import static io.quotaflow.target.decomposition.Decimals.decimal;
import static io.quotaflow.target.decomposition.EntityType.COMPANY;
import static io.quotaflow.target.decomposition.EntityType.PRODUCT_LINE;
import static io.quotaflow.target.decomposition.EntityType.REGION;
import static io.quotaflow.target.decomposition.EntityType.REP;
import static io.quotaflow.target.decomposition.EntityType.TEAM;
import static io.quotaflow.target.decomposition.Nodes.node;
import static io.quotaflow.target.decomposition.RequestBuilder.aRequest;
import static io.quotaflow.target.decomposition.TreeAssertions.assertEveryParentIsTheSumOfItsChildren;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecompositionTest {

    @Test
    void shouldSetCompanyBaseAndChallengeFromTheLevels() {
        // given
        DecompositionRequest request = aRequest().total("3000000.00").build();

        // when
        Decomposition decomposition = Decomposer.decompose(request);

        // then
        TargetNode company = decomposition.company();
        assertThat(company.monthly()).isEqualTo(decimal("3000000.00"));
        assertThat(company.base()).isEqualTo(decimal("2400000.00"));
        assertThat(company.challenge()).isEqualTo(decimal("3600000.00"));
    }

    @Test
    void shouldRoundCompanyLevelsHalfEven() {
        // given 0.25 × 0.9 = 0.225 and 0.25 × 1.1 = 0.275
        DecompositionRequest request = aRequest().total("0.25").levels("0.9", "1.1").org(OrgMother.empty()).build();

        // when
        TargetNode company = Decomposer.decompose(request).company();

        // then
        assertThat(company.base()).isEqualTo(decimal("0.22"));
        assertThat(company.challenge()).isEqualTo(decimal("0.28"));
    }

    @Test
    void shouldShareBaseAndChallengeWithTheSameWeightsAsTheTarget() {
        // given product lines weighing 1 : 1 : 2
        DecompositionRequest request = aRequest().build();

        // when
        Decomposition decomposition = Decomposer.decompose(request);

        // then
        assertThat(decomposition.nodesOf(PRODUCT_LINE))
                .extracting(TargetNode::entityId, TargetNode::monthly, TargetNode::base, TargetNode::challenge)
                .containsExactly(
                        tuple("hardware", decimal("750000.00"), decimal("600000.00"), decimal("900000.00")),
                        tuple("services", decimal("750000.00"), decimal("600000.00"), decimal("900000.00")),
                        tuple("software", decimal("1500000.00"), decimal("1200000.00"), decimal("1800000.00")));
    }

    @Test
    void shouldKeepEveryParentTheExactSumOfItsChildren() {
        // given a target that does not divide evenly
        DecompositionRequest request = aRequest().total("1000000.01").levels("0.83", "1.17").build();

        // when
        Decomposition decomposition = Decomposer.decompose(request);

        // then
        assertEveryParentIsTheSumOfItsChildren(decomposition);
    }

    @Test
    void shouldListCompanyThenProductLinesRegionsTeamsAndRepsEachById() {
        // when
        Decomposition decomposition = Decomposer.decompose(aRequest().build());

        // then
        assertThat(decomposition.nodes())
                .extracting(TargetNode::entityType, TargetNode::entityId)
                .containsExactly(
                        tuple(COMPANY, "company"),
                        tuple(PRODUCT_LINE, "hardware"), tuple(PRODUCT_LINE, "services"), tuple(PRODUCT_LINE, "software"),
                        tuple(REGION, "east"), tuple(REGION, "west"),
                        tuple(TEAM, "east-1"), tuple(TEAM, "west-1"),
                        tuple(REP, "anna"), tuple(REP, "ben"), tuple(REP, "carl"),
                        tuple(REP, "dana"), tuple(REP, "eve"), tuple(REP, "finn"));
    }

    @Test
    void shouldLinkEveryNodeToItsParent() {
        // when
        Decomposition decomposition = Decomposer.decompose(aRequest().build());

        // then
        assertThat(decomposition.company().parentKey()).isEmpty();
        assertThat(node(decomposition, PRODUCT_LINE, "software").parentKey()).contains(NodeKey.COMPANY);
        assertThat(node(decomposition, TEAM, "west-1").parentKey()).contains(new NodeKey(REGION, "west"));
        assertThat(node(decomposition, REP, "carl").parentKey()).contains(new NodeKey(TEAM, "east-1"));
    }

    @Test
    void shouldFindNodesAndTheirChildren() {
        // when
        Decomposition decomposition = Decomposer.decompose(aRequest().build());

        // then
        assertThat(decomposition.children(COMPANY, "company")).extracting(TargetNode::entityId)
                .containsExactly("hardware", "services", "software", "east", "west");
        assertThat(decomposition.children(TEAM, "east-1")).extracting(TargetNode::entityId)
                .containsExactly("anna", "ben", "carl");
        assertThat(decomposition.children(REP, "anna")).isEmpty();
        assertThat(decomposition.node(REP, "nobody")).isEmpty();
    }

    @Test
    void shouldRecordTheWeightsSharesWereWorkedOutFrom() {
        // when
        Decomposition decomposition = Decomposer.decompose(aRequest().build());

        // then gross margin × priority for product lines, effective capacity for reps
        assertThat(decomposition.company().weight()).isEqualByComparingTo("1");
        assertThat(node(decomposition, PRODUCT_LINE, "software").weight()).isEqualByComparingTo("2.00");
        assertThat(node(decomposition, REP, "carl").weight()).isEqualByComparingTo("200");
    }

    @Test
    void shouldYieldOnlyTheCompanyForAnOrgWithoutProductLinesOrRegions() {
        // when
        Decomposition decomposition = Decomposer.decompose(aRequest().org(OrgMother.empty()).build());

        // then
        assertThat(decomposition.nodes()).containsExactly(decomposition.company());
        assertThat(decomposition.warnings())
                .containsExactly("company has no regions; its target of 3000000.00 is not assigned to anyone");
    }

    @Test
    void shouldNotDependOnTheOrderOfTheOrgLists() {
        // given
        OrgSnapshot org = OrgMother.eastAndWestWithSixReps();
        OrgSnapshot reversed = new OrgSnapshot(
                reversed(org.productLines()), reversed(org.regions()), reversed(org.teams()), reversed(org.reps()));

        // when
        Decomposition decomposition = Decomposer.decompose(aRequest().total("1000000.01").org(org).build());
        Decomposition fromReversed = Decomposer.decompose(aRequest().total("1000000.01").org(reversed).build());

        // then
        assertThat(fromReversed).isEqualTo(decomposition);
    }

    @Test
    void shouldDecomposeCountsInWholeUnits() {
        // given a target of 97 calls
        DecompositionRequest request = aRequest().total("97").scale(0).build();

        // when
        Decomposition decomposition = Decomposer.decompose(request);

        // then
        assertThat(decomposition.nodes()).allSatisfy(node -> {
            assertThat(node.monthly().scale()).isZero();
            assertThat(node.daily()).allSatisfy(day -> assertThat(day.amount().scale()).isZero());
        });
        assertEveryParentIsTheSumOfItsChildren(decomposition);
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return copy;
    }
}
