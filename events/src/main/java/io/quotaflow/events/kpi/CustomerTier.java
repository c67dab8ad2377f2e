package io.quotaflow.events.kpi;

/** Customer value tiers: A (most valuable), B, C. */
public enum CustomerTier {
    A, B, C
}
