package io.quotaflow.incentive.domain;

import io.quotaflow.events.TargetMetric;

import java.math.BigDecimal;
import java.util.List;

/**
 * Attainment of {@code metric} at or above a tier's level pays that tier's amount, once per (rep, period, tier).
 * Tiers are in increasing level order.
 */
public record ThresholdRule(String ruleId, TargetMetric metric, List<Tier> tiers) implements Rule {

    public ThresholdRule {
        tiers = List.copyOf(tiers);
    }

    /** A level (a ratio of the target, {@code 0.8} = 80 %) and what reaching it pays. */
    public record Tier(BigDecimal level, BigDecimal amount) {

        /** The tier's name in award ids and statements: the level as written ({@code 0.8}, {@code 1.2}). */
        public String name() {
            return level.stripTrailingZeros().toPlainString();
        }
    }

    @Override
    public RuleType type() {
        return RuleType.THRESHOLD;
    }

    /**
     * Whether {@code actual} reaches {@code level} of {@code target}: exactly, in decimals ({@code 800000.00} of
     * {@code 1000000.00} reaches {@code 0.8}). Without a target, the reported attainment ratio decides.
     */
    public static boolean reached(BigDecimal level, BigDecimal actual, BigDecimal target, Double attainment) {
        if (target != null && target.signum() > 0 && actual != null) {
            return actual.compareTo(level.multiply(target)) >= 0;
        }
        return attainment != null && BigDecimal.valueOf(attainment).compareTo(level) >= 0;
    }
}
