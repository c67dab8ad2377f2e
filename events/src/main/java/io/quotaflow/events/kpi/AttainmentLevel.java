package io.quotaflow.events.kpi;

/** Which target level an actual has reached: below base, base (e.g. 80 %), target (100 %), challenge (e.g. 120 %). */
public enum AttainmentLevel {
    BELOW_BASE, BASE, TARGET, CHALLENGE
}
