package io.quotaflow.target.decomposition;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * A sales rep.
 *
 * @param hiredOn  the rep's first day; decides whether the rep takes part in a period and how far ramped up they are
 * @param capacity what the rep can deliver in a full month once ramped up, in the unit of the target; zero or more
 */
public record RepInfo(String id, String teamId, LocalDate hiredOn, BigDecimal capacity) {

    /** Whether the rep is on board by the end of {@code period}, and so can carry part of its target. */
    public boolean isOnBoardIn(YearMonth period) {
        return !hiredOn.isAfter(period.atEndOfMonth());
    }
}
