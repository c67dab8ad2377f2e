package io.quotaflow.kpi.attainment.domain;

import io.quotaflow.events.TargetMetric;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The target a scope holds for one metric in one month, as its latest plan version assigned it: the monthly amount,
 * base and challenge levels, and the breakdown by working day and by ISO week (each summing to the month).
 */
public record TargetPlan(TargetMetric metric, BigDecimal monthly, BigDecimal base, BigDecimal challenge,
                         String currency, NavigableMap<LocalDate, BigDecimal> daily, Map<String, BigDecimal> weekly) {

    public TargetPlan {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(monthly, "monthly");
        daily = Collections.unmodifiableNavigableMap(new TreeMap<>(daily == null ? Map.of() : daily));
        weekly = Collections.unmodifiableMap(new LinkedHashMap<>(weekly == null ? Map.of() : weekly));
    }

    /** Whether the plan sets anything to reach. */
    public boolean isPositive() {
        return monthly.signum() > 0;
    }

    /** The same plan without its weekly breakdown (as progress documents keep it). */
    public TargetPlan withoutWeeks() {
        return new TargetPlan(metric, monthly, base, challenge, currency, daily, Map.of());
    }

    /** The sum of the daily targets up to and including {@code day}. */
    public BigDecimal dailyUpTo(LocalDate day) {
        return daily.headMap(day, true).values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
