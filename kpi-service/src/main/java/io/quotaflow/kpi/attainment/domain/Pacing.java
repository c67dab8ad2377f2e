package io.quotaflow.kpi.attainment.domain;

import io.quotaflow.events.TargetMetric;
import io.quotaflow.events.kpi.AttainmentLevel;
import io.quotaflow.kpi.calendar.BusinessCalendar;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;

/**
 * Attainment and pacing formulas.
 *
 * <ul>
 *   <li><b>attainment</b> = actual / monthly target (no target, or a target of zero: none);</li>
 *   <li><b>expected to date</b> = the sum of the daily targets up to and including today (the whole target once the
 *       month is over, zero before it starts);</li>
 *   <li><b>pace</b> = actual / expected to date (none while nothing was expected);</li>
 *   <li><b>projected</b> month end, working-day aware run rate = actual × working days of the month / working days
 *       elapsed (today included). The working days are the days the daily targets fall on, or Monday to Friday
 *       without a target. Before the first working day it is unknown; once the month is over it is the actual.</li>
 *   <li><b>level</b>: CHALLENGE from the challenge amount on, TARGET from the target, BASE from the base,
 *       else BELOW_BASE.</li>
 * </ul>
 * Ratios are rounded half-up to 4 decimals; amounts to the metric's scale (cents, or whole units for counts).
 */
public final class Pacing {

    private static final MathContext PRECISION = MathContext.DECIMAL64;

    private Pacing() {
    }

    public static Standing standing(TargetMetric metric, BigDecimal actual, TargetPlan plan, YearMonth period,
                                    LocalDate today) {
        Collection<LocalDate> workingDays = plan != null && !plan.daily().isEmpty() ? plan.daily().keySet()
                : BusinessCalendar.weekdays(period);
        BigDecimal projected = projected(actual, metric.scale(), workingDays, period, today);
        if (plan == null) {
            return new Standing(actual, null, null, null, null, null, null, projected);
        }
        BigDecimal expected = expectedToDate(plan, period, today);
        return new Standing(actual, plan.monthly(), plan.base(), plan.challenge(), ratio(actual, plan.monthly()),
                expected, ratio(actual, expected), projected);
    }

    public static BigDecimal expectedToDate(TargetPlan plan, YearMonth period, LocalDate today) {
        if (today.isBefore(period.atDay(1))) {
            return BigDecimal.ZERO.setScale(plan.metric().scale());
        }
        if (today.isAfter(period.atEndOfMonth()) || plan.daily().isEmpty()) {
            return plan.monthly();
        }
        return plan.dailyUpTo(today).setScale(plan.metric().scale(), RoundingMode.HALF_UP);
    }

    /** The working-day run rate projection of an actual to the month end, to {@code scale} decimals. */
    public static BigDecimal projected(BigDecimal actual, int scale, Collection<LocalDate> workingDays,
                                       YearMonth period, LocalDate today) {
        if (today.isAfter(period.atEndOfMonth())) {
            return actual;
        }
        long total = workingDays.size();
        long elapsed = workingDays.stream().filter(day -> !day.isAfter(today)).count();
        if (elapsed == 0) {
            return null;
        }
        if (elapsed == total) {
            return actual;
        }
        return actual.multiply(BigDecimal.valueOf(total)).divide(BigDecimal.valueOf(elapsed), scale,
                RoundingMode.HALF_UP);
    }

    /** {@code part / whole} rounded half-up to 4 decimals; {@code null} when {@code whole} is not positive. */
    public static Double ratio(BigDecimal part, BigDecimal whole) {
        if (part == null || whole == null || whole.signum() <= 0) {
            return null;
        }
        return part.divide(whole, PRECISION).setScale(4, RoundingMode.HALF_UP).doubleValue();
    }

    public static AttainmentLevel level(BigDecimal actual, TargetPlan plan) {
        if (plan == null || !plan.isPositive()) {
            return AttainmentLevel.BELOW_BASE;
        }
        if (plan.challenge() != null && actual.compareTo(plan.challenge()) >= 0) {
            return AttainmentLevel.CHALLENGE;
        }
        if (actual.compareTo(plan.monthly()) >= 0) {
            return AttainmentLevel.TARGET;
        }
        if (plan.base() != null && actual.compareTo(plan.base()) >= 0) {
            return AttainmentLevel.BASE;
        }
        return AttainmentLevel.BELOW_BASE;
    }
}
