package io.quotaflow.kpi.aggregation.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** Amounts of measures (absent: zero). */
public record Totals(Map<Measure, BigDecimal> values) {

    public static final Totals ZERO = new Totals(Map.of());
    private static final MathContext PRECISION = MathContext.DECIMAL64;

    public Totals {
        EnumMap<Measure, BigDecimal> copy = new EnumMap<>(Measure.class);
        values.forEach((measure, value) -> {
            if (value != null) {
                copy.put(measure, value);
            }
        });
        values = Collections.unmodifiableMap(copy);
    }

    public BigDecimal get(Measure measure) {
        return values.getOrDefault(measure, BigDecimal.ZERO);
    }

    public long count(Measure measure) {
        return get(measure).longValue();
    }

    public Totals plus(Totals other) {
        EnumMap<Measure, BigDecimal> sum = new EnumMap<>(Measure.class);
        sum.putAll(values);
        other.values.forEach((measure, value) -> sum.merge(measure, value, BigDecimal::add));
        return new Totals(sum);
    }

    public Totals minus(Totals other) {
        EnumMap<Measure, BigDecimal> difference = new EnumMap<>(Measure.class);
        difference.putAll(values);
        other.values.forEach((measure, value) -> difference.merge(measure, value.negate(), BigDecimal::add));
        return new Totals(difference);
    }

    /** {@code numerator / denominator} to 4 decimals; {@code null} when the denominator is zero. */
    public Double ratio(Measure numerator, Measure denominator) {
        BigDecimal below = get(denominator);
        if (below.signum() == 0) {
            return null;
        }
        return get(numerator).divide(below, PRECISION).setScale(4, RoundingMode.HALF_UP).doubleValue();
    }

    /** {@code numerator / denominator} as an amount to {@code scale} decimals; {@code null} when it cannot be. */
    public BigDecimal quotient(Measure numerator, Measure denominator, int scale) {
        BigDecimal below = get(denominator);
        if (below.signum() == 0) {
            return null;
        }
        return get(numerator).divide(below, scale, RoundingMode.HALF_UP);
    }
}
