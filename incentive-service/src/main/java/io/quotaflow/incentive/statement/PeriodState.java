package io.quotaflow.incentive.statement;

import java.time.Instant;
import java.time.YearMonth;

/**
 * Where a period stands: {@code OPEN} (its statements change as events arrive), {@code CLOSING} (its close has begun;
 * changes go to the next open period) or {@code CLOSED} (rank and team awards made, statements frozen).
 */
public record PeriodState(YearMonth period, String status, Instant closedAt, String closedBy) {

    public static final String OPEN = "OPEN";
    public static final String CLOSING = "CLOSING";
    public static final String CLOSED = "CLOSED";

    public boolean open() {
        return OPEN.equals(status);
    }

    public boolean closed() {
        return CLOSED.equals(status);
    }
}
