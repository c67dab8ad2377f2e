package io.quotaflow.incentive.award;

/** Whether a statement line counts. */
public enum LineStatus {
    /** Paid in the statement's period (positive: awarded; negative: clawed back). */
    PAID,
    /** Waiting for the rep's minimum activity in the period; released when it is met, forfeited at close if not. */
    HELD,
    /** Never paid: the minimum activity was not met by the period's close. */
    FORFEITED
}
