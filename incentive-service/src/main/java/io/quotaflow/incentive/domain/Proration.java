package io.quotaflow.incentive.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

/**
 * New-hire (and leaver) proration: a fixed amount times the days the rep was employed in the period over the
 * period's days, rounded half up to cents once. Employed = from the later of the hire day and the period's first
 * day to the earlier of the last day ({@code leftOn}) and the period's last day, both included. Example: hired
 * 2027-01-12, January (31 days): 20 days → 2,000.00 × 20 / 31 = 1,290.32.
 */
public final class Proration {

    private Proration() {
    }

    /** Days employed in the period (0 to its length). Unknown hire day: the whole period. */
    public static long daysEmployed(LocalDate hiredOn, LocalDate leftOn, YearMonth period) {
        LocalDate first = period.atDay(1);
        LocalDate last = period.atEndOfMonth();
        LocalDate from = hiredOn == null || hiredOn.isBefore(first) ? first : hiredOn;
        LocalDate to = leftOn == null || leftOn.isAfter(last) ? last : leftOn;
        return to.isBefore(from) ? 0 : ChronoUnit.DAYS.between(from, to) + 1;
    }

    /** {@code amount} for a rep employed {@code daysEmployed} days of the period. */
    public static BigDecimal prorate(BigDecimal amount, long daysEmployed, YearMonth period) {
        int days = period.lengthOfMonth();
        if (daysEmployed >= days) {
            return amount;
        }
        return Money.cents(amount.multiply(BigDecimal.valueOf(daysEmployed))
                .divide(BigDecimal.valueOf(days), MathContext.DECIMAL128));
    }
}
