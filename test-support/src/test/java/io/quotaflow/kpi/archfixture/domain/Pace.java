package io.quotaflow.kpi.archfixture.domain;

import io.quotaflow.events.TargetMetric;

import java.math.BigDecimal;

/** A domain class as it should be: plain Java, the published language at most. */
public record Pace(TargetMetric metric, BigDecimal expected, BigDecimal actual) {

    public boolean behind() {
        return actual.compareTo(expected) < 0;
    }
}
