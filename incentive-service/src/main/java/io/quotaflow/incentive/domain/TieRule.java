package io.quotaflow.incentive.domain;

/** How a rank rule treats reps with the same value. */
public enum TieRule {
    /** Tied reps share equally the amounts of the places they occupy together (two tied first share 1st + 2nd). */
    SPLIT,
    /** The rep who reached the value first ranks higher; then the rep id decides. */
    EARLIEST
}
