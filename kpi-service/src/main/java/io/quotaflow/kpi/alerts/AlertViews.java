package io.quotaflow.kpi.alerts;

import io.quotaflow.events.kpi.KpiAnomalyDetected.AlertStatus;
import io.quotaflow.events.kpi.Severity;
import io.quotaflow.kpi.scorecard.ScorecardViews.ScopeView;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/** What the alerts endpoint answers. */
public final class AlertViews {

    private AlertViews() {
    }

    /**
     * An alert and its evidence: raised when its condition started to hold ({@code raisedAt}), cleared when it stopped
     * ({@code clearedAt}); {@code occurrences} counts how often it was raised this month.
     */
    public record AlertView(String alertId, ScopeView scope, YearMonth period, String kind, String metric,
                            Severity severity, AlertStatus status, String message, Map<String, String> evidence,
                            Instant raisedAt, Instant clearedAt, Instant evaluatedAt, long occurrences) {
    }

    public record Alerts(YearMonth period, Instant asOf, List<AlertView> alerts) {
    }
}
