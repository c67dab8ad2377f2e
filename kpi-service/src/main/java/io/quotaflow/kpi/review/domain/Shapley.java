package io.quotaflow.kpi.review.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits the change of a product of factors, {@code Π actual_i - Π baseline_i}, into one share per factor by the
 * Shapley value: each factor's share is its marginal effect — the product with that factor at its actual value minus
 * the product with it at its baseline — averaged over every order in which the factors could change (for three
 * factors, six orders). The shares are symmetric (no factor is favoured by being changed first) and add up to the
 * change exactly; rounded to cents, the last factor takes the rounding remainder so that the sum stays exact to the
 * cent.
 */
public final class Shapley {

    private static final MathContext PRECISION = MathContext.DECIMAL128;

    private Shapley() {
    }

    /** One factor of the product: its baseline and its actual value. */
    public record Factor(String name, BigDecimal baseline, BigDecimal actual) {
    }

    /**
     * Each factor's share of {@code total}, rounded to {@code scale} decimals, the last taking the remainder.
     * {@code total} is the change to split (normally the product's change, rounded to cents).
     */
    public static Map<String, BigDecimal> split(List<Factor> factors, BigDecimal total, int scale) {
        int n = factors.size();
        if (n == 0 || n > 10) {
            throw new IllegalArgumentException("between 1 and 10 factors, not " + n);
        }
        Map<String, BigDecimal> shares = new LinkedHashMap<>();
        BigDecimal allocated = BigDecimal.ZERO;
        for (int i = 0; i < n; i++) {
            String name = factors.get(i).name();
            if (i == n - 1) {
                shares.put(name, total.setScale(scale, RoundingMode.HALF_UP).subtract(allocated));
            } else {
                BigDecimal share = exactShare(factors, i).setScale(scale, RoundingMode.HALF_UP);
                shares.put(name, share);
                allocated = allocated.add(share);
            }
        }
        return shares;
    }

    /** The unrounded Shapley share of factor {@code i}. */
    static BigDecimal exactShare(List<Factor> factors, int i) {
        int n = factors.size();
        List<Integer> others = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            if (j != i) {
                others.add(j);
            }
        }
        BigDecimal share = BigDecimal.ZERO;
        BigDecimal nFactorial = factorial(n);
        for (int mask = 0; mask < (1 << others.size()); mask++) {
            boolean[] atActual = new boolean[n];
            int changed = 0;
            for (int k = 0; k < others.size(); k++) {
                if ((mask & (1 << k)) != 0) {
                    atActual[others.get(k)] = true;
                    changed++;
                }
            }
            BigDecimal without = product(factors, atActual);
            atActual[i] = true;
            BigDecimal with = product(factors, atActual);
            BigDecimal weight = factorial(changed).multiply(factorial(n - changed - 1))
                    .divide(nFactorial, PRECISION);
            share = share.add(with.subtract(without).multiply(weight, PRECISION), PRECISION);
        }
        return share;
    }

    private static BigDecimal product(List<Factor> factors, boolean[] atActual) {
        BigDecimal product = BigDecimal.ONE;
        for (int j = 0; j < factors.size(); j++) {
            product = product.multiply(atActual[j] ? factors.get(j).actual() : factors.get(j).baseline(), PRECISION);
        }
        return product;
    }

    private static BigDecimal factorial(int k) {
        BigDecimal result = BigDecimal.ONE;
        for (int i = 2; i <= k; i++) {
            result = result.multiply(BigDecimal.valueOf(i));
        }
        return result;
    }
}
