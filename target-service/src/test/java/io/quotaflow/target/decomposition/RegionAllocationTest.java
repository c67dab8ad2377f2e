package io.quotaflow.target.decomposition;

import static io.quotaflow.target.decomposition.Decimals.decimal;
import static io.quotaflow.target.decomposition.EntityType.REGION;
import static io.quotaflow.target.decomposition.Nodes.monthlyOf;
import static io.quotaflow.target.decomposition.Nodes.node;
import static io.quotaflow.target.decomposition.Rejections.assertRejectedOn;
import static io.quotaflow.target.decomposition.RequestBuilder.aRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.quotaflow.target.decomposition.Allocation.RegionMethod;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegionAllocationTest {

    @Test
    void shouldWeighRegionsByPriorActualGrownByTheirGrowthRate() {
        // given East did 2,000,000 and grows 5 %; West did 500,000 and grows 20 %
        DecompositionRequest request = aRequest().history(regionActuals("2000000", "500000")).build();

        // when
        Decomposition decomposition = Decomposer.decompose(request);

        // then 2,100,000 : 600,000
        assertThat(node(decomposition, REGION, "east").weight()).isEqualByComparingTo("2100000");
        assertThat(node(decomposition, REGION, "west").weight()).isEqualByComparingTo("600000");
        assertThat(monthlyOf(decomposition, REGION))
                .containsExactly(entry("east", decimal("2333333.33")), entry("west", decimal("666666.67")));
    }

    @Test
    void shouldLetFasterGrowingEmergingMarketsCarryMoreOfTheTarget() {
        // given both regions did 1,000,000; mature East grows 5 %, emerging West 20 %
        DecompositionRequest request = aRequest().history(regionActuals("1000000", "1000000")).build();

        // when
        Decomposition decomposition = Decomposer.decompose(request);

        // then 1,050,000 : 1,200,000
        assertThat(monthlyOf(decomposition, REGION))
                .containsExactly(entry("east", decimal("1400000.00")), entry("west", decimal("1600000.00")));
    }

    @Test
    void shouldFallBackToTheCapacityOfTheRegionsRepsWithoutPriorActual() {
        // given no history: East's reps have 400 of capacity, West's 300
        DecompositionRequest request = aRequest().history(History.NONE).build();

        // when
        Decomposition decomposition = Decomposer.decompose(request);

        // then 400 × 1.05 : 300 × 1.20
        assertThat(node(decomposition, REGION, "east").weight()).isEqualByComparingTo("420");
        assertThat(node(decomposition, REGION, "west").weight()).isEqualByComparingTo("360");
        assertThat(monthlyOf(decomposition, REGION))
                .containsExactly(entry("east", decimal("1615384.62")), entry("west", decimal("1384615.38")));
    }

    @Test
    void shouldShareByPriorActualsUnderHistory() {
        // given
        DecompositionRequest request = aRequest()
                .allocation(Allocation.DEFAULT.withRegions(RegionMethod.HISTORY))
                .history(regionActuals("600", "400"))
                .build();

        // when
        Decomposition decomposition = Decomposer.decompose(request);

        // then growth rates play no part
        assertThat(monthlyOf(decomposition, REGION))
                .containsExactly(entry("east", decimal("1800000.00")), entry("west", decimal("1200000.00")));
    }

    @Test
    void shouldShareEvenlyUnderEven() {
        // given
        DecompositionRequest request = aRequest().allocation(Allocation.DEFAULT.withRegions(RegionMethod.EVEN)).build();

        // when
        Decomposition decomposition = Decomposer.decompose(request);

        // then
        assertThat(monthlyOf(decomposition, REGION))
                .containsExactly(entry("east", decimal("1500000.00")), entry("west", decimal("1500000.00")));
    }

    @Test
    void shouldRejectHistoryAllocationWithoutAnyHistoryForRegions() {
        // given
        DecompositionRequest request = aRequest().allocation(Allocation.DEFAULT.withRegions(RegionMethod.HISTORY)).build();

        // then
        assertRejectedOn("history.regions", () -> Decomposer.decompose(request))
                .withMessage("allocation by HISTORY needs prior actuals, but none of the 2 regions has one");
    }

    @Test
    void shouldRejectGrowthAllocationWhenNoRegionHasActualsOrReps() {
        // given
        OrgBuilder org = OrgBuilder.anOrg()
                .region("north", MarketType.EMERGING, "0.30")
                .region("south", MarketType.MATURE, "0.02");

        // then
        assertRejectedOn("allocation.regions", () -> Decomposer.decompose(aRequest().org(org).build()));
    }

    private static History regionActuals(String east, String west) {
        Map<String, BigDecimal> regions = Map.of("east", decimal(east), "west", decimal(west));
        return new History(null, regions, null, null);
    }
}
