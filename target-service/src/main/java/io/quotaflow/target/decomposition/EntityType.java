package io.quotaflow.target.decomposition;

import java.util.Locale;

/**
 * What a target is set for, in the order nodes are listed. The company target is split two ways:
 * into product lines, and into regions, which split into teams, which split into reps.
 */
public enum EntityType {
    COMPANY,
    PRODUCT_LINE,
    REGION,
    TEAM,
    REP;

    /** The name used in messages, such as "product line". */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
