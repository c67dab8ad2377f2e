package io.quotaflow.target.decomposition;

import static io.quotaflow.target.decomposition.Decimals.sum;
import static org.assertj.core.api.Assertions.assertThat;

import io.quotaflow.testsupport.property.Draw;
import io.quotaflow.testsupport.property.Property;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.random.RandomGenerator;

class ApportionmentPropertyTest {

    @Property(tries = 500)
    void partsAddUpToTheAmountExactly(RandomGenerator random) {
        BigDecimal amount = amount(random);
        List<BigDecimal> weights = weights(random);

        List<BigDecimal> parts = Apportionment.split(amount, amount.scale(), weights, "field");

        assertThat(parts).as("%s split by %s", amount, weights).hasSameSizeAs(weights);
        assertThat(sum(parts, part -> part)).as("%s split by %s into %s", amount, weights, parts)
                .isEqualByComparingTo(amount);
    }

    @Property(tries = 500)
    void everyPartIsWithinOneUnitOfItsExactQuota(RandomGenerator random) {
        BigDecimal amount = amount(random);
        List<BigDecimal> weights = weights(random);

        List<BigDecimal> parts = Apportionment.split(amount, amount.scale(), weights, "field");

        BigDecimal unit = BigDecimal.ONE.movePointLeft(amount.scale());
        BigDecimal totalWeight = sum(weights, weight -> weight);
        for (int index = 0; index < parts.size(); index++) {
            BigDecimal quota = amount.multiply(weights.get(index)).divide(totalWeight, MathContext.DECIMAL128);
            assertThat(parts.get(index).subtract(quota).abs())
                    .as("part %d of %s split by %s into %s", index, amount, weights, parts).isLessThan(unit);
        }
    }

    @Property(tries = 500)
    void aHeavierWeightNeverGetsASmallerPart(RandomGenerator random) {
        BigDecimal amount = amount(random);
        List<BigDecimal> weights = weights(random);

        List<BigDecimal> parts = Apportionment.split(amount, amount.scale(), weights, "field");

        for (int a = 0; a < weights.size(); a++) {
            for (int b = 0; b < weights.size(); b++) {
                if (weights.get(a).compareTo(weights.get(b)) > 0) {
                    assertThat(parts.get(a)).as("parts %d and %d of %s split by %s into %s", a, b, amount, weights, parts)
                            .isGreaterThanOrEqualTo(parts.get(b));
                }
            }
        }
    }

    @Property(tries = 500)
    void aZeroWeightGetsNothingAndNoPartIsNegative(RandomGenerator random) {
        BigDecimal amount = amount(random);
        List<BigDecimal> weights = weights(random);

        List<BigDecimal> parts = Apportionment.split(amount, amount.scale(), weights, "field");

        for (int index = 0; index < parts.size(); index++) {
            assertThat(parts.get(index).signum()).as("part %d of %s", index, parts).isNotNegative();
            if (weights.get(index).signum() == 0) {
                assertThat(parts.get(index).signum()).as("part %d of %s by %s", index, parts, weights).isZero();
            }
        }
    }

    @Property(tries = 200)
    void theSameInputGivesTheSameParts(RandomGenerator random) {
        BigDecimal amount = amount(random);
        List<BigDecimal> weights = weights(random);

        assertThat(Apportionment.split(amount, amount.scale(), weights, "field"))
                .isEqualTo(Apportionment.split(amount, amount.scale(), List.copyOf(weights), "field"));
    }

    @Property(tries = 200)
    void scalingAllWeightsChangesNothing(RandomGenerator random) {
        BigDecimal amount = amount(random);
        List<BigDecimal> weights = weights(random);
        BigDecimal factor = BigDecimal.valueOf(Draw.between(random, 2, 1000));

        List<BigDecimal> scaled = weights.stream().map(weight -> weight.multiply(factor)).toList();

        assertThat(Apportionment.split(amount, amount.scale(), scaled, "field")).as("%s by %s", amount, weights)
                .isEqualTo(Apportionment.split(amount, amount.scale(), weights, "field"));
    }

    /** Up to 10^12 at a scale from 0 to 4. */
    private static BigDecimal amount(RandomGenerator random) {
        int scale = Draw.between(random, 0, 4);
        return BigDecimal.valueOf(Draw.between(random, 0, 1_000_000_000_000L), scale);
    }

    /** 1–20 weights up to 1,000, each with up to three decimals, at least one of them positive. */
    private static List<BigDecimal> weights(RandomGenerator random) {
        List<BigDecimal> weights;
        do {
            weights = Draw.listOf(random, 1, 20,
                    r -> Draw.between(r, BigDecimal.ZERO, new BigDecimal("1000"), Draw.between(r, 0, 3)));
        } while (weights.stream().noneMatch(weight -> weight.signum() > 0));
        return weights;
    }
}
