package io.quotaflow.incentive.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Amounts are decimals in cents, rounded half up once, at the end of a computation. */
public final class Money {

    public static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private Money() {
    }

    public static BigDecimal cents(BigDecimal exact) {
        return exact.setScale(2, RoundingMode.HALF_UP);
    }

    public static BigDecimal orZero(BigDecimal value) {
        return value == null ? ZERO : value;
    }
}
