package io.quotaflow.incentive.domain;

/** What a per-unit rule counts. */
public enum Unit {
    /** A customer the rep wins for the first time. */
    NEW_CUSTOMER,
    /** A won deal (optionally of a product line, a promotion code, within a window). */
    DEAL
}
