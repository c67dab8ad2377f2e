package io.quotaflow.target.decomposition;

import static io.quotaflow.target.decomposition.Decimals.sum;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class ApportionmentPropertyTest {

    @Property(tries = 500)
    void partsAddUpToTheAmountExactly(@ForAll("amounts") BigDecimal amount, @ForAll("weights") List<BigDecimal> weights) {
        List<BigDecimal> parts = Apportionment.split(amount, amount.scale(), weights, "field");

        assertThat(parts).hasSameSizeAs(weights);
        assertThat(sum(parts, part -> part)).isEqualByComparingTo(amount);
    }

    @Property(tries = 500)
    void everyPartIsWithinOneUnitOfItsExactQuota(@ForAll("amounts") BigDecimal amount,
                                                 @ForAll("weights") List<BigDecimal> weights) {
        List<BigDecimal> parts = Apportionment.split(amount, amount.scale(), weights, "field");

        BigDecimal unit = BigDecimal.ONE.movePointLeft(amount.scale());
        BigDecimal totalWeight = sum(weights, weight -> weight);
        for (int index = 0; index < parts.size(); index++) {
            BigDecimal quota = amount.multiply(weights.get(index)).divide(totalWeight, MathContext.DECIMAL128);
            assertThat(parts.get(index).subtract(quota).abs()).isLessThan(unit);
        }
    }

    @Property(tries = 500)
    void aHeavierWeightNeverGetsASmallerPart(@ForAll("amounts") BigDecimal amount,
                                             @ForAll("weights") List<BigDecimal> weights) {
        List<BigDecimal> parts = Apportionment.split(amount, amount.scale(), weights, "field");

        for (int a = 0; a < weights.size(); a++) {
            for (int b = 0; b < weights.size(); b++) {
                if (weights.get(a).compareTo(weights.get(b)) > 0) {
                    assertThat(parts.get(a)).isGreaterThanOrEqualTo(parts.get(b));
                }
            }
        }
    }

    @Property(tries = 500)
    void aZeroWeightGetsNothingAndNoPartIsNegative(@ForAll("amounts") BigDecimal amount,
                                                   @ForAll("weights") List<BigDecimal> weights) {
        List<BigDecimal> parts = Apportionment.split(amount, amount.scale(), weights, "field");

        for (int index = 0; index < parts.size(); index++) {
            assertThat(parts.get(index).signum()).isNotNegative();
            if (weights.get(index).signum() == 0) {
                assertThat(parts.get(index).signum()).isZero();
            }
        }
    }

    @Property(tries = 200)
    void theSameInputGivesTheSameParts(@ForAll("amounts") BigDecimal amount, @ForAll("weights") List<BigDecimal> weights) {
        assertThat(Apportionment.split(amount, amount.scale(), weights, "field"))
                .isEqualTo(Apportionment.split(amount, amount.scale(), List.copyOf(weights), "field"));
    }

    @Property(tries = 200)
    void scalingAllWeightsChangesNothing(@ForAll("amounts") BigDecimal amount, @ForAll("weights") List<BigDecimal> weights,
                                         @ForAll @IntRange(min = 2, max = 1000) int factor) {
        List<BigDecimal> scaled = weights.stream().map(weight -> weight.multiply(BigDecimal.valueOf(factor))).toList();

        assertThat(Apportionment.split(amount, amount.scale(), scaled, "field"))
                .isEqualTo(Apportionment.split(amount, amount.scale(), weights, "field"));
    }

    /** Up to 10^12 at a scale from 0 to 4. */
    @Provide
    Arbitrary<BigDecimal> amounts() {
        return Arbitraries.integers().between(0, 4).flatMap(scale ->
                Arbitraries.longs().between(0, 1_000_000_000_000L).map(units -> BigDecimal.valueOf(units, scale)));
    }

    /** 1–20 weights up to 1,000 with up to three decimals, at least one of them positive. */
    @Provide
    Arbitrary<List<BigDecimal>> weights() {
        return Arbitraries.integers().between(0, 3)
                .flatMap(scale -> Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("1000")).ofScale(scale))
                .list().ofMinSize(1).ofMaxSize(20)
                .filter(weights -> weights.stream().anyMatch(weight -> weight.signum() > 0));
    }
}
