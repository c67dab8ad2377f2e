package io.quotaflow.incentive.domain;

import io.quotaflow.events.TargetMetric;

import java.math.BigDecimal;
import java.util.List;

/**
 * Tiered commission on {@code metric} (revenue, gross margin or collections): each band's rate applies to the part
 * of the actual that falls between the band's attainment bounds (so a band from {@code 1.0} at a higher rate is an
 * accelerator above 100 %). The result is at most {@code cap} and, once anything is earned, at least {@code floor}.
 * See {@link Commission}.
 */
public record CommissionRule(String ruleId, TargetMetric metric, PayOn payOn, List<Band> bands, BigDecimal cap,
                             BigDecimal floor) implements Rule {

    public CommissionRule {
        bands = List.copyOf(bands);
    }

    /** Attainment from {@code from} (inclusive) to {@code to} (exclusive; open-ended when null) pays {@code rate}. */
    public record Band(BigDecimal from, BigDecimal to, BigDecimal rate) {
    }

    @Override
    public RuleType type() {
        return RuleType.TIERED_COMMISSION;
    }

    /** Whether commission is computed on the money collected in the period (the {@code COLLECTIONS} metric). */
    public boolean onCollections() {
        return metric == TargetMetric.COLLECTIONS;
    }
}
