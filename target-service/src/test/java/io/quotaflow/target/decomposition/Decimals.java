package io.quotaflow.target.decomposition;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.function.Function;

/** Short ways to write and add up decimals in tests. */
final class Decimals {

    private Decimals() {
    }

    static BigDecimal decimal(String value) {
        return new BigDecimal(value);
    }

    static <T> BigDecimal sum(Collection<T> items, Function<T, BigDecimal> amount) {
        return items.stream().map(amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
