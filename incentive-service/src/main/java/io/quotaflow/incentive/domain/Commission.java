package io.quotaflow.incentive.domain;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * What a {@link CommissionRule} owes for a period, as a function of the period's totals (never of the order in
 * which deals arrived): a projection pays the difference between what is owed now and what it has paid so far, so
 * the total paid always equals what the totals owe.
 *
 * <p>Earned: each band's rate on the part of the actual between the band's bounds (attainment ratios times the
 * target). Example: target 100,000, bands 0–1.0 at 3 % and 1.0+ at 5 %, actual 120,000 → 100,000 × 3 % + 20,000 ×
 * 5 % = 4,000.00. Then at most the cap and, once anything is earned, at least the floor; rounded half up to cents.
 * Without a target (none assigned yet) the band starting at 0 applies to the whole actual.
 */
public final class Commission {

    private Commission() {
    }

    /**
     * The totals a commission is computed from.
     *
     * @param actual    the rule metric's actual: revenue or gross margin of the period's won deals, or the money
     *                  collected in the period for the {@code COLLECTIONS} metric
     * @param target    the rep's target of that metric for the period; null when none is known
     * @param revenue   revenue of the period's won deals (for pay-on-collection)
     * @param collected money collected against the period's won deals, each deal counted up to its amount
     */
    public record Totals(BigDecimal actual, BigDecimal target, BigDecimal revenue, BigDecimal collected) {
    }

    /** What the rule owes for the totals: earned, and for pay-on-collection only the share already collected. */
    public static BigDecimal owed(CommissionRule rule, Totals totals) {
        BigDecimal earned = earned(rule, totals.actual(), totals.target());
        if (rule.payOn() == PayOn.CLOSE || rule.onCollections()) {
            return earned;
        }
        BigDecimal revenue = totals.revenue();
        if (revenue == null || revenue.signum() <= 0 || totals.collected() == null) {
            return Money.ZERO;
        }
        BigDecimal share = totals.collected().min(revenue).max(BigDecimal.ZERO);
        return Money.cents(earned.multiply(share).divide(revenue, MathContext.DECIMAL128));
    }

    /** The commission earned on {@code actual} against {@code target}, capped, floored, in cents. */
    public static BigDecimal earned(CommissionRule rule, BigDecimal actual, BigDecimal target) {
        if (actual == null || actual.signum() <= 0) {
            return Money.ZERO;
        }
        BigDecimal raw = BigDecimal.ZERO;
        for (CommissionRule.Band band : rule.bands()) {
            raw = raw.add(band.rate().multiply(inBand(band, actual, target)));
        }
        if (rule.floor() != null) {
            raw = raw.max(rule.floor());
        }
        if (rule.cap() != null) {
            raw = raw.min(rule.cap());
        }
        return Money.cents(raw);
    }

    /** The part of {@code actual} that falls in the band. */
    static BigDecimal inBand(CommissionRule.Band band, BigDecimal actual, BigDecimal target) {
        if (target == null || target.signum() <= 0) {
            return band.from().signum() == 0 ? actual : BigDecimal.ZERO;
        }
        BigDecimal lower = band.from().multiply(target);
        BigDecimal upper = band.to() == null ? actual : actual.min(band.to().multiply(target));
        return upper.subtract(lower).max(BigDecimal.ZERO);
    }
}
