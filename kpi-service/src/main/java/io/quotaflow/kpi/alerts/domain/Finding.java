package io.quotaflow.kpi.alerts.domain;

import io.quotaflow.events.TargetMetric;
import io.quotaflow.events.kpi.Severity;

import java.util.Map;

/** A condition that holds now, with the numbers behind it. */
public record Finding(String kind, TargetMetric metric, Severity severity, String message,
                      Map<String, String> evidence) {

    public Finding {
        evidence = Map.copyOf(evidence);
    }

    /** What names the alert across evaluations: its kind and metric (the scope and period are around it). */
    public String key() {
        return metric == null ? kind : kind + ":" + metric;
    }
}
