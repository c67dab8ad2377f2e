package io.quotaflow.incentive.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Splits an amount into cents by weights so that the parts add up to the amount exactly (largest remainder:
 * every part is rounded down, then the cents left go one each to the largest remainders, earlier parts first on a
 * tie).
 */
public final class Shares {

    private Shares() {
    }

    public static List<BigDecimal> split(BigDecimal total, List<BigDecimal> weights) {
        BigDecimal sum = weights.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (weights.isEmpty() || sum.signum() <= 0) {
            return weights.stream().map(w -> Money.ZERO).toList();
        }
        long cents = total.movePointRight(2).longValueExact();
        List<BigDecimal> exact = weights.stream()
                .map(w -> BigDecimal.valueOf(cents).multiply(w).divide(sum, MathContext.DECIMAL128)).toList();
        List<Long> parts = new ArrayList<>(exact.stream().map(e -> e.setScale(0, RoundingMode.DOWN).longValueExact()).toList());
        long left = cents - parts.stream().mapToLong(Long::longValue).sum();
        List<Integer> byRemainder = IntStream.range(0, exact.size()).boxed()
                .sorted(Comparator.<Integer, BigDecimal>comparing(i -> exact.get(i).subtract(BigDecimal.valueOf(parts.get(i))))
                        .reversed().thenComparing(i -> i))
                .toList();
        for (int i = 0; i < left; i++) {
            int index = byRemainder.get(i % byRemainder.size());
            parts.set(index, parts.get(index) + 1);
        }
        return parts.stream().map(p -> BigDecimal.valueOf(p, 2)).toList();
    }

    /** Equal parts of {@code total}, the extra cents to the first parts. */
    public static List<BigDecimal> equally(BigDecimal total, int count) {
        return split(total, java.util.Collections.nCopies(count, BigDecimal.ONE));
    }
}
