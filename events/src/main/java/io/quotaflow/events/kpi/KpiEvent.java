package io.quotaflow.events.kpi;

import io.quotaflow.events.DomainEvent;

/** Events published by kpi-service on the {@code kpi-changes} topic. */
public sealed interface KpiEvent extends DomainEvent
        permits AttainmentChanged, KpiAnomalyDetected, CustomerTierChanged {
}
