package io.quotaflow.target.decomposition;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Stream;

/**
 * Gives a node new amounts from a day in the month on: the days before it keep what they had, and
 * the rest of the new monthly target is spread evenly over the working days from that day to the end
 * of the month.
 */
final class Respread {

    static final String AMOUNT_FIELD = "changes.amount";
    static final String EFFECTIVE_FROM_FIELD = "changes.effectiveFrom";

    private final YearMonth period;
    private final int scale;
    private final LocalDate effectiveFrom;
    private final WorkCalendar calendar;

    Respread(YearMonth period, int scale, LocalDate effectiveFrom, WorkCalendar calendar) {
        if (effectiveFrom == null || !YearMonth.from(effectiveFrom).equals(period)) {
            throw new DecompositionException(EFFECTIVE_FROM_FIELD,
                    "must be a day in " + period + ", was " + effectiveFrom);
        }
        this.period = period;
        this.scale = scale;
        this.effectiveFrom = effectiveFrom;
        this.calendar = calendar;
    }

    /** Checks a new monthly target for {@code node} before anything is worked out from it; returns it at the scale. */
    BigDecimal requireValidAmount(NodeKey node, BigDecimal newMonthly) {
        if (newMonthly == null || newMonthly.signum() < 0) {
            throw new DecompositionException(AMOUNT_FIELD,
                    "the new target of " + node + " must be zero or more, was " + newMonthly);
        }
        if (newMonthly.stripTrailingZeros().scale() > scale) {
            throw new DecompositionException(AMOUNT_FIELD,
                    "the new target of " + node + " has more than " + scale + " decimal places: "
                            + newMonthly.toPlainString());
        }
        return newMonthly.setScale(scale);
    }

    TargetNode apply(TargetNode node, Amounts amounts) {
        List<DailyAmount> pastDays = node.daily().stream().filter(day -> day.date().isBefore(effectiveFrom)).toList();
        BigDecimal past = pastDays.stream().map(DailyAmount::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal rest = amounts.monthly().subtract(past);
        if (rest.signum() < 0) {
            throw new DecompositionException(AMOUNT_FIELD, "the days of " + node.key() + " before " + effectiveFrom
                    + " already account for " + past.toPlainString() + ", more than its new target of "
                    + amounts.monthly().toPlainString());
        }
        List<LocalDate> daysLeft = calendar.workingDays(effectiveFrom, period.atEndOfMonth());
        if (daysLeft.isEmpty() && rest.signum() != 0) {
            throw new DecompositionException(AMOUNT_FIELD, "no working days are left from " + effectiveFrom
                    + " to the end of " + period + " to carry the remaining " + rest.toPlainString()
                    + " of " + node.key());
        }
        List<DailyAmount> newDays = TimeSplit.spread(rest, daysLeft, scale, AMOUNT_FIELD);
        List<DailyAmount> daily = Stream.concat(pastDays.stream(), newDays.stream()).toList();
        return node.withPlan(amounts, TimeSplit.weeks(period, daily, scale), daily);
    }
}
