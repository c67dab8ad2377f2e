package io.quotaflow.target.decomposition;

import static io.quotaflow.target.decomposition.Decimals.sum;
import static io.quotaflow.target.decomposition.RandomRequests.decomposeOrDiscard;
import static io.quotaflow.target.decomposition.TreeAssertions.assertEveryParentIsTheSumOfItsChildren;
import static io.quotaflow.target.decomposition.TreeAssertions.assertWeeksAndDaysAddUpToTheMonth;
import static org.assertj.core.api.Assertions.assertThat;

import io.quotaflow.testsupport.property.Draw;
import io.quotaflow.testsupport.property.Property;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;

/** Invariants of decompositions of random orgs; see {@link RandomRequests} for what they look like. */
class DecompositionPropertyTest {

    @Property(tries = 200)
    void everyParentIsTheExactSumOfItsChildren(RandomGenerator random) {
        DecompositionRequest request = RandomRequests.request(random);
        Decomposition decomposition = decomposeOrDiscard(request);

        assertEveryParentIsTheSumOfItsChildren(decomposition);
    }

    @Property(tries = 200)
    void productLinesAndRegionsEachAddUpToTheCompany(RandomGenerator random) {
        DecompositionRequest request = RandomRequests.request(random);
        Decomposition decomposition = decomposeOrDiscard(request);

        List<TargetNode> productLines = decomposition.nodesOf(EntityType.PRODUCT_LINE);
        List<TargetNode> regions = decomposition.nodesOf(EntityType.REGION);
        assertThat(productLines).hasSameSizeAs(request.org().productLines());
        assertThat(regions).hasSameSizeAs(request.org().regions());
        assertAddUpTo(productLines, decomposition.company());
        assertAddUpTo(regions, decomposition.company());
    }

    @Property(tries = 200)
    void theCompanyTakesTheTotalAndItsLevels(RandomGenerator random) {
        DecompositionRequest request = RandomRequests.request(random);
        Decomposition decomposition = decomposeOrDiscard(request);

        TargetNode company = decomposition.company();
        assertThat(company.monthly()).isEqualByComparingTo(request.total());
        assertThat(company.base()).isEqualTo(atScale(request.total().multiply(request.levels().base()), request));
        assertThat(company.challenge()).isEqualTo(atScale(request.total().multiply(request.levels().challenge()), request));
    }

    @Property(tries = 200)
    void weeksAndDaysAddUpToEveryNodesMonthlyTarget(RandomGenerator random) {
        DecompositionRequest request = RandomRequests.request(random);
        Decomposition decomposition = decomposeOrDiscard(request);

        assertWeeksAndDaysAddUpToTheMonth(decomposition);
        List<LocalDate> workingDays = request.calendar().workingDays(request.period());
        assertThat(decomposition.nodes()).allSatisfy(node ->
                assertThat(node.daily()).extracting(DailyAmount::date).containsExactlyElementsOf(workingDays));
    }

    @Property(tries = 200)
    void noAmountIsNegativeAndEveryAmountHasTheScale(RandomGenerator random) {
        DecompositionRequest request = RandomRequests.request(random);
        Decomposition decomposition = decomposeOrDiscard(request);

        List<BigDecimal> amounts = decomposition.nodes().stream().flatMap(DecompositionPropertyTest::amountsOf).toList();
        assertThat(amounts).allSatisfy(amount -> {
            assertThat(amount.signum()).isNotNegative();
            assertThat(amount.scale()).isEqualTo(request.scale());
        });
    }

    @Property(tries = 200)
    void aHeavierSiblingNeverGetsLess(RandomGenerator random) {
        DecompositionRequest request = RandomRequests.request(random);
        Decomposition decomposition = decomposeOrDiscard(request);

        for (TargetNode parent : decomposition.nodes()) {
            List<TargetNode> children = decomposition.children(parent.key());
            for (TargetNode heavier : children) {
                for (TargetNode lighter : children) {
                    if (heavier.entityType() == lighter.entityType() && heavier.weight().compareTo(lighter.weight()) > 0) {
                        assertThat(heavier.monthly()).as("%s against %s", heavier.key(), lighter.key())
                                .isGreaterThanOrEqualTo(lighter.monthly());
                    }
                }
            }
        }
    }

    @Property(tries = 200)
    void everyTeamAndEveryRepOnBoardGetANodeAndNobodyElse(RandomGenerator random) {
        DecompositionRequest request = RandomRequests.request(random);
        Decomposition decomposition = decomposeOrDiscard(request);

        assertThat(decomposition.nodesOf(EntityType.TEAM)).extracting(TargetNode::entityId)
                .containsExactlyInAnyOrderElementsOf(request.org().teams().stream().map(TeamInfo::id).toList());
        assertThat(decomposition.nodesOf(EntityType.REP)).extracting(TargetNode::entityId)
                .containsExactlyInAnyOrderElementsOf(request.org().reps().stream()
                        .filter(rep -> rep.isOnBoardIn(request.period()))
                        .map(RepInfo::id)
                        .toList());
    }

    @Property(tries = 100)
    void theOrderOfTheOrgListsChangesNothing(RandomGenerator random) {
        DecompositionRequest request = RandomRequests.request(random);
        Decomposition decomposition = decomposeOrDiscard(request);

        OrgSnapshot org = request.org();
        OrgSnapshot shuffled = new OrgSnapshot(Draw.shuffled(random, org.productLines()),
                Draw.shuffled(random, org.regions()), Draw.shuffled(random, org.teams()), Draw.shuffled(random, org.reps()));
        DecompositionRequest reordered = new DecompositionRequest(request.period(), request.total(), request.scale(),
                request.levels(), request.allocation(), shuffled, request.history(), request.calendar(), request.ramp());
        assertThat(Decomposer.decompose(reordered)).isEqualTo(decomposition);
    }

    @Property(tries = 50)
    void theSameRequestGivesTheSameDecomposition(RandomGenerator random) {
        DecompositionRequest request = RandomRequests.request(random);
        Decomposition decomposition = decomposeOrDiscard(request);

        assertThat(Decomposer.decompose(request)).isEqualTo(decomposition);
    }

    private static void assertAddUpTo(List<TargetNode> children, TargetNode parent) {
        assertThat(sum(children, TargetNode::monthly)).isEqualByComparingTo(parent.monthly());
        assertThat(sum(children, TargetNode::base)).isEqualByComparingTo(parent.base());
        assertThat(sum(children, TargetNode::challenge)).isEqualByComparingTo(parent.challenge());
    }

    private static BigDecimal atScale(BigDecimal amount, DecompositionRequest request) {
        return amount.setScale(request.scale(), RoundingMode.HALF_EVEN);
    }

    private static Stream<BigDecimal> amountsOf(TargetNode node) {
        return Stream.of(
                        Stream.of(node.monthly(), node.base(), node.challenge()),
                        node.weekly().stream().map(WeeklyAmount::amount),
                        node.daily().stream().map(DailyAmount::amount))
                .flatMap(amounts -> amounts);
    }
}
