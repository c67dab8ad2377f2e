package io.quotaflow.events.kpi;

/** How urgently a manager should look at an alert. */
public enum Severity {
    INFO, WARNING, CRITICAL
}
