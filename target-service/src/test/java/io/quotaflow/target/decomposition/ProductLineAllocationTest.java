package io.quotaflow.target.decomposition;

import static io.quotaflow.target.decomposition.Decimals.decimal;
import static io.quotaflow.target.decomposition.EntityType.PRODUCT_LINE;
import static io.quotaflow.target.decomposition.Nodes.monthlyOf;
import static io.quotaflow.target.decomposition.Rejections.assertRejectedOn;
import static io.quotaflow.target.decomposition.RequestBuilder.aRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.quotaflow.target.decomposition.Allocation.ProductLineMethod;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProductLineAllocationTest {

    @Test
    void shouldGiveHigherMarginLinesALargerShare() {
        // given two lines of the same priority, one with three times the margin
        OrgBuilder org = OrgBuilder.anOrg().productLine("premium", "0.60", 3).productLine("basic", "0.20", 3);

        // when
        Decomposition decomposition = Decomposer.decompose(aRequest().org(org).build());

        // then
        assertThat(monthlyOf(decomposition, PRODUCT_LINE))
                .containsExactly(entry("basic", decimal("750000.00")), entry("premium", decimal("2250000.00")));
    }

    @Test
    void shouldGiveHigherPriorityLinesALargerShare() {
        // given two lines of the same margin, one of top priority
        OrgBuilder org = OrgBuilder.anOrg().productLine("focus", "0.40", 5).productLine("legacy", "0.40", 1);

        // when
        Decomposition decomposition = Decomposer.decompose(aRequest().org(org).build());

        // then
        assertThat(monthlyOf(decomposition, PRODUCT_LINE))
                .containsExactly(entry("focus", decimal("2500000.00")), entry("legacy", decimal("500000.00")));
    }

    @Test
    void shouldShareByLastPeriodsActualsUnderHistory() {
        // given actuals for two of the three lines
        History history = new History(Map.of("hardware", decimal("100"), "software", decimal("300")), null, null, null);
        DecompositionRequest request = aRequest()
                .allocation(Allocation.DEFAULT.withProductLines(ProductLineMethod.HISTORY))
                .history(history)
                .build();

        // when
        Decomposition decomposition = Decomposer.decompose(request);

        // then the line without history gets nothing
        assertThat(monthlyOf(decomposition, PRODUCT_LINE)).containsExactly(
                entry("hardware", decimal("750000.00")),
                entry("services", decimal("0.00")),
                entry("software", decimal("2250000.00")));
    }

    @Test
    void shouldShareEvenlyUnderEven() {
        // given
        DecompositionRequest request =
                aRequest().allocation(Allocation.DEFAULT.withProductLines(ProductLineMethod.EVEN)).build();

        // when
        Decomposition decomposition = Decomposer.decompose(request);

        // then
        assertThat(monthlyOf(decomposition, PRODUCT_LINE)).containsOnly(
                entry("hardware", decimal("1000000.00")),
                entry("services", decimal("1000000.00")),
                entry("software", decimal("1000000.00")));
    }

    @Test
    void shouldRejectHistoryAllocationWithoutAnyHistoryForProductLines() {
        // given
        DecompositionRequest request = aRequest()
                .allocation(Allocation.DEFAULT.withProductLines(ProductLineMethod.HISTORY))
                .history(History.NONE)
                .build();

        // then
        assertRejectedOn("history.productLines", () -> Decomposer.decompose(request));
    }

    @Test
    void shouldRejectProductLinesThatAllHaveZeroMargin() {
        // given
        OrgBuilder org = OrgBuilder.anOrg().productLine("free", "0", 5).productLine("giveaway", "0.00", 1);

        // then
        assertRejectedOn("allocation.productLines", () -> Decomposer.decompose(aRequest().org(org).build()))
                .withMessage("every product line under company weighs zero by gross margin × strategic priority,"
                        + " so its target of 3000000.00 cannot be shared among them");
    }
}
