package io.quotaflow.incentive.domain;

/** The kinds of incentive rule a plan may hold. */
public enum RuleType {
    /** Attainment of a metric at or above a level pays a fixed amount, once per level. */
    THRESHOLD,
    /** A rate per band of attainment on revenue, gross margin or collections, with accelerators and a cap. */
    TIERED_COMMISSION,
    /** A fixed amount per new customer or per matching deal (a SPIFF). */
    PER_UNIT,
    /** The top N on a metric at period close. */
    RANK,
    /** A team at or above a level of attainment at period close: an amount per member or a pool. */
    TEAM_BONUS
}
