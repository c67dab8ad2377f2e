package io.quotaflow.target.decomposition;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * Splits an amount into parts proportional to weights, so that the parts add up to the amount exactly.
 *
 * <p>Uses the largest-remainder (Hamilton) method in units of {@code 10^-scale}: every part first gets
 * the whole units of its exact quota, then the units left over go one each to the parts with the
 * largest remainders. Ties go to the part that comes first in the input, so the result is
 * deterministic. Each part is therefore within one unit of its exact quota, a part with zero weight
 * gets zero, and a larger weight never gets a smaller part.
 */
public final class Apportionment {

    private Apportionment() {
    }

    /**
     * Splits {@code amount} over {@code weights}.
     *
     * @param amount a non-negative amount with no more than {@code scale} decimal places
     * @param scale  decimal places of the parts: 2 for money in cents, 0 for counts
     * @param weights non-negative weights, one per part; only their proportions matter
     * @param field  the input to name if the weights cannot be used
     * @return one part per weight, in the same order, each with exactly {@code scale} decimal places
     * @throws DecompositionException naming {@code field} if a weight is negative, or if there is
     *                                something to split but the weights add up to zero
     * @throws IllegalArgumentException if the amount is negative or finer than {@code scale}
     */
    public static List<BigDecimal> split(BigDecimal amount, int scale, List<BigDecimal> weights, String field) {
        BigInteger units = unitsOf(amount, scale);
        BigDecimal totalWeight = totalOf(weights, field);
        if (units.signum() == 0) {
            return Collections.nCopies(weights.size(), BigDecimal.ZERO.setScale(scale));
        }
        if (totalWeight.signum() == 0) {
            throw new DecompositionException(field,
                    "the weights add up to zero, so " + amount.toPlainString() + " cannot be apportioned by them");
        }

        List<Quota> quotas = new ArrayList<>();
        BigInteger leftover = units;
        for (int index = 0; index < weights.size(); index++) {
            Quota quota = Quota.of(index, units, weights.get(index), totalWeight);
            quotas.add(quota);
            leftover = leftover.subtract(quota.wholeUnits());
        }

        BigInteger[] parts = quotas.stream().map(Quota::wholeUnits).toArray(BigInteger[]::new);
        quotas.stream()
                .sorted(Comparator.comparing(Quota::remainder).reversed().thenComparing(Quota::index))
                .limit(leftover.intValueExact())
                .forEach(quota -> parts[quota.index()] = parts[quota.index()].add(BigInteger.ONE));
        return Arrays.stream(parts).map(part -> new BigDecimal(part, scale)).toList();
    }

    private static BigInteger unitsOf(BigDecimal amount, int scale) {
        if (scale < 0) {
            throw new IllegalArgumentException("scale must be zero or more, was " + scale);
        }
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("cannot apportion a negative amount: " + amount.toPlainString());
        }
        try {
            return amount.setScale(scale).unscaledValue();
        } catch (ArithmeticException finerThanScale) {
            throw new IllegalArgumentException(
                    amount.toPlainString() + " has more than " + scale + " decimal places", finerThanScale);
        }
    }

    private static BigDecimal totalOf(List<BigDecimal> weights, String field) {
        BigDecimal total = BigDecimal.ZERO;
        for (BigDecimal weight : weights) {
            if (weight.signum() < 0) {
                throw new DecompositionException(field, "weights must not be negative, got " + weight.toPlainString());
            }
            total = total.add(weight);
        }
        return total;
    }

    /**
     * One part's exact share {@code units × weight / totalWeight}, as its whole units plus a remainder.
     * Remainders are kept as numerators over the common {@code totalWeight}, so comparing them is exact.
     */
    private record Quota(int index, BigInteger wholeUnits, BigDecimal remainder) {

        static Quota of(int index, BigInteger units, BigDecimal weight, BigDecimal totalWeight) {
            BigDecimal[] wholeAndRemainder = new BigDecimal(units).multiply(weight).divideAndRemainder(totalWeight);
            return new Quota(index, wholeAndRemainder[0].toBigIntegerExact(), wholeAndRemainder[1]);
        }
    }
}
