package io.quotaflow.kpi.attainment.domain;

import java.math.BigDecimal;

/**
 * Where a scope stands on one metric: the actual, the target and its levels (when there is a target), attainment
 * (actual / target), what was expected by today from the daily targets, pace (actual / expected-to-date) and the
 * projected month end. Values that cannot be computed (no target, nothing expected yet) are {@code null}.
 */
public record Standing(BigDecimal actual, BigDecimal target, BigDecimal base, BigDecimal challenge, Double attainment,
                       BigDecimal expectedToDate, Double pace, BigDecimal projected) {
}
