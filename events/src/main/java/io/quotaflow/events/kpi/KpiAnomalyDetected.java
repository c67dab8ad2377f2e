package io.quotaflow.events.kpi;

import io.quotaflow.events.EntityRef;
import io.quotaflow.events.TargetMetric;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Map;

/**
 * Something in a scope's numbers needs attention: falling behind pace, an activity drop, an unusual deal.
 *
 * @param alertId  stable per (scope, period, kind, metric): the raise and the clearing of one alert share it
 * @param kind     a stable code such as {@code PACE_BEHIND} or {@code ACTIVITY_DROP}
 * @param evidence the numbers behind the alert, by name (decimal strings)
 * @param status   {@link AlertStatus#RAISED} when the condition starts, {@link AlertStatus#CLEARED} when it no
 *                 longer holds (an event without a status is a raise)
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
        Instant detectedAt,
        AlertStatus status) implements KpiEvent {

    public KpiAnomalyDetected {
        evidence = evidence == null ? Map.of() : Map.copyOf(evidence);
        status = status == null ? AlertStatus.RAISED : status;
    }

    /** A raised alert. */
    public KpiAnomalyDetected(String alertId, EntityRef scope, YearMonth period, String kind, Severity severity,
                              TargetMetric metric, String message, Map<String, String> evidence, Instant detectedAt) {
        this(alertId, scope, period, kind, severity, metric, message, evidence, detectedAt, AlertStatus.RAISED);
    }

    @Override
    public String subject() {
        return scope.key();
    }

    /** Whether an alert starts or ends. */
    public enum AlertStatus {
        RAISED, CLEARED
    }
}
