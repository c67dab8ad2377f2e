package io.quotaflow.target.decomposition;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

/**
 * How new reps grow into their capacity. A rep with {@code m} full months of tenure at the start of
 * the period (the hire month counts as 0) delivers {@code (m + 1) / (rampMonths + 1)} of their
 * capacity while {@code m < rampMonths}, and all of it after that. With the default of 3 months a rep
 * is at 25 %, 50 %, 75 % and then 100 %. Zero ramp months switch ramping off.
 */
public record RampPolicy(int rampMonths) {

    public static final RampPolicy DEFAULT = new RampPolicy(3);
    public static final RampPolicy NONE = new RampPolicy(0);

    public RampPolicy {
        if (rampMonths < 0) {
            throw new DecompositionException("ramp.rampMonths", "must be zero or more, was " + rampMonths);
        }
    }

    /**
     * The part of the rep's capacity they can deliver in {@code period}. Exact when the ramp fraction
     * is a terminating decimal, otherwise to 16 significant digits; it is a weight, not an amount.
     *
     * @throws IllegalArgumentException if the rep is not on board in the period
     */
    public BigDecimal effectiveCapacity(RepInfo rep, YearMonth period) {
        if (!rep.isOnBoardIn(period)) {
            throw new IllegalArgumentException("rep " + rep.id() + " is hired after " + period);
        }
        long tenureMonths = ChronoUnit.MONTHS.between(YearMonth.from(rep.hiredOn()), period);
        if (tenureMonths >= rampMonths) {
            return rep.capacity();
        }
        return rep.capacity()
                .multiply(BigDecimal.valueOf(tenureMonths + 1))
                .divide(BigDecimal.valueOf(rampMonths + 1L), MathContext.DECIMAL64);
    }
}
