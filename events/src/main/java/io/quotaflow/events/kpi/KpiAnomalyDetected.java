package io.quotaflow.events.kpi;

import io.quotaflow.events.EntityRef;
import io.quotaflow.events.TargetMetric;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Map;

/**
 * Something in a scope's numbers needs attention: falling behind pace, an activity drop, an unusual deal.
 *
 * @param kind     a stable code such as {@code PACE_BEHIND} or {@code ACTIVITY_DROP}
 * @param evidence the numbers behind the alert, by name (decimal strings)
 */
public record KpiAnomalyDetected(
        String alertId,
        EntityRef scope,
        YearMonth period,
        String kind,
        Severity severity,
        TargetMetric metric,
        String message,
        Map<String, String> evidence,
        Instant detectedAt) implements KpiEvent {

    public KpiAnomalyDetected {
        evidence = evidence == null ? Map.of() : Map.copyOf(evidence);
    }

    @Override
    public String subject() {
        return scope.key();
    }
}
