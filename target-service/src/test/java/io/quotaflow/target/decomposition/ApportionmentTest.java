package io.quotaflow.target.decomposition;

import static io.quotaflow.target.decomposition.Decimals.decimal;
import static io.quotaflow.target.decomposition.Rejections.assertRejectedOn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApportionmentTest {

    @Test
    void shouldSplitInProportionToTheWeights() {
        // when
        List<BigDecimal> parts = Apportionment.split(decimal("100.00"), 2, weights("1", "1", "2"), "field");

        // then
        assertThat(parts).containsExactly(decimal("25.00"), decimal("25.00"), decimal("50.00"));
    }

    @Test
    void shouldGiveLeftoverUnitsToTheLargestRemainders() {
        // given quotas of 14.2857, 28.5714 and 57.1428 cents
        List<BigDecimal> weights = weights("1", "2", "4");

        // when
        List<BigDecimal> parts = Apportionment.split(decimal("1.00"), 2, weights, "field");

        // then the one cent left over goes to the largest remainder, 0.5714
        assertThat(parts).containsExactly(decimal("0.14"), decimal("0.29"), decimal("0.57"));
    }

    @Test
    void shouldBreakTiesInInputOrder() {
        // when
        List<BigDecimal> hundred = Apportionment.split(decimal("100.00"), 2, weights("1", "1", "1"), "field");
        List<BigDecimal> twoHundred = Apportionment.split(decimal("200.00"), 2, weights("1", "1", "1"), "field");

        // then
        assertThat(hundred).containsExactly(decimal("33.34"), decimal("33.33"), decimal("33.33"));
        assertThat(twoHundred).containsExactly(decimal("66.67"), decimal("66.67"), decimal("66.66"));
    }

    @Test
    void shouldSplitWholeUnitsAtScaleZero() {
        // when
        List<BigDecimal> parts = Apportionment.split(decimal("10"), 0, weights("1", "1", "1"), "field");

        // then
        assertThat(parts).containsExactly(decimal("4"), decimal("3"), decimal("3"));
    }

    @Test
    void shouldGiveNothingToZeroWeights() {
        // when
        List<BigDecimal> parts = Apportionment.split(decimal("0.05"), 2, weights("0", "3", "0", "1"), "field");

        // then
        assertThat(parts).containsExactly(decimal("0.00"), decimal("0.04"), decimal("0.00"), decimal("0.01"));
    }

    @Test
    void shouldGiveEveryPartTheScale() {
        // when
        List<BigDecimal> parts = Apportionment.split(new BigDecimal("30"), 2, weights("1", "2"), "field");

        // then
        assertThat(parts).containsExactly(decimal("10.00"), decimal("20.00"));
    }

    @Test
    void shouldSplitZeroIntoZerosWhateverTheWeights() {
        // when
        List<BigDecimal> parts = Apportionment.split(decimal("0.00"), 2, weights("0", "0"), "field");

        // then
        assertThat(parts).containsExactly(decimal("0.00"), decimal("0.00"));
    }

    @Test
    void shouldRejectWeightsAddingUpToZeroNamingTheField() {
        assertRejectedOn("allocation.productLines",
                () -> Apportionment.split(decimal("10.00"), 2, weights("0", "0"), "allocation.productLines"))
                .withMessageContaining("add up to zero");
    }

    @Test
    void shouldRejectNothingToSplitOverNamingTheField() {
        assertRejectedOn("allocation.regions",
                () -> Apportionment.split(decimal("10.00"), 2, List.of(), "allocation.regions"));
    }

    @Test
    void shouldRejectNegativeWeightsNamingTheField() {
        assertRejectedOn("history.reps", () -> Apportionment.split(decimal("10.00"), 2, weights("3", "-1"), "history.reps"))
                .withMessageContaining("-1");
    }

    @Test
    void shouldRejectAmountsFinerThanTheScale() {
        assertThatThrownBy(() -> Apportionment.split(decimal("10.005"), 2, weights("1"), "field"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("more than 2 decimal places");
    }

    @Test
    void shouldRejectNegativeAmounts() {
        assertThatThrownBy(() -> Apportionment.split(decimal("-1.00"), 2, weights("1"), "field"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<BigDecimal> weights(String... weights) {
        return Arrays.stream(weights).map(BigDecimal::new).toList();
    }
}
