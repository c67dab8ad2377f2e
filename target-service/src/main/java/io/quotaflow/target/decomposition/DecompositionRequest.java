package io.quotaflow.target.decomposition;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Objects;

/**
 * Everything needed to decompose one month's company target. Missing levels, allocation, history,
 * calendar and ramp mean their defaults; the rest is checked by {@link Decomposer#decompose}.
 *
 * @param total the company's target for the month; more than zero, with at most {@code scale} decimal places
 * @param scale decimal places of every amount: 2 for money in cents, 0 for counts such as calls or deals; 0 to 4
 */
public record DecompositionRequest(
        YearMonth period,
        BigDecimal total,
        int scale,
        Levels levels,
        Allocation allocation,
        OrgSnapshot org,
        History history,
        WorkCalendar calendar,
        RampPolicy ramp) {

    public DecompositionRequest {
        levels = Objects.requireNonNullElse(levels, Levels.DEFAULT);
        allocation = Objects.requireNonNullElse(allocation, Allocation.DEFAULT);
        history = Objects.requireNonNullElse(history, History.NONE);
        calendar = Objects.requireNonNullElse(calendar, WorkCalendar.STANDARD);
        ramp = Objects.requireNonNullElse(ramp, RampPolicy.DEFAULT);
    }

    /** A request with default levels, allocation, calendar and ramp, and no history. */
    public static DecompositionRequest of(YearMonth period, BigDecimal total, int scale, OrgSnapshot org) {
        return new DecompositionRequest(period, total, scale, null, null, org, null, null, null);
    }
}
