package io.quotaflow.kpi.alerts;

import io.quotaflow.events.kpi.KpiAnomalyDetected.AlertStatus;
import io.quotaflow.kpi.alerts.AlertViews.AlertView;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** The alerts of a month, filtered to the scopes a caller may see. */
@Service
public class Alerts {

    private final AlertStore store;
    private final Clock clock;

    Alerts(AlertStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** @param scopes scope keys to keep ({@code null}: all); {@code status}: one status ({@code null}: both) */
    public AlertViews.Alerts of(YearMonth period, Set<String> scopes, AlertStatus status) {
        List<AlertView> alerts = store.of(period).values().stream()
                .filter(alert -> scopes == null || scopes.contains(alert.scope().scope().key()))
                .filter(alert -> status == null || alert.status() == status)
                .sorted(Comparator.comparing(AlertView::status).thenComparing(AlertView::severity,
                        Comparator.reverseOrder()).thenComparing(alert -> alert.scope().scope().key())
                        .thenComparing(AlertView::kind))
                .toList();
        return new AlertViews.Alerts(period, clock.instant(), alerts);
    }
}
