package io.quotaflow.kpi.customers.domain;

import io.quotaflow.events.kpi.CustomerTier;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

/**
 * Customer value tiers from trailing-12-month purchases (won, not cancelled deals), as of a day:
 * <ul>
 *   <li><b>A</b>: purchases in the 12 months up to that day of at least {@code aThreshold} (default 5,000,000);</li>
 *   <li><b>B</b>, the growing middle: at least {@code bThreshold} (default 500,000), or growing — the last 6
 *       months' purchases reach {@code growthFloor} (default 100,000) and exceed the 6 months before them times
 *       {@code growthFactor} (default 1.5);</li>
 *   <li><b>C</b>, the long tail: everyone else.</li>
 * </ul>
 * The 12 months up to day D are the days after D minus 12 months, up to D included; the last 6 months likewise.
 */
public record TierPolicy(BigDecimal aThreshold, BigDecimal bThreshold, BigDecimal growthFloor,
                         BigDecimal growthFactor) {

    public TierPolicy {
        Objects.requireNonNull(aThreshold, "aThreshold");
        Objects.requireNonNull(bThreshold, "bThreshold");
        Objects.requireNonNull(growthFloor, "growthFloor");
        Objects.requireNonNull(growthFactor, "growthFactor");
        if (bThreshold.compareTo(aThreshold) > 0) {
            throw new IllegalArgumentException("the B threshold must not exceed the A threshold");
        }
    }

    public static TierPolicy defaults() {
        return new TierPolicy(new BigDecimal("5000000"), new BigDecimal("500000"), new BigDecimal("100000"),
                new BigDecimal("1.5"));
    }

    /** The tier of a customer with these purchases (amount by day) as of {@code asOf}, and why. */
    public Tiering classify(Map<LocalDate, BigDecimal> purchases, LocalDate asOf) {
        LocalDate yearAgo = asOf.minusMonths(12);
        LocalDate halfYearAgo = asOf.minusMonths(6);
        BigDecimal trailing = BigDecimal.ZERO;
        BigDecimal recent = BigDecimal.ZERO;
        BigDecimal prior = BigDecimal.ZERO;
        for (Map.Entry<LocalDate, BigDecimal> purchase : purchases.entrySet()) {
            LocalDate day = purchase.getKey();
            if (day.isAfter(yearAgo) && !day.isAfter(asOf)) {
                trailing = trailing.add(purchase.getValue());
                if (day.isAfter(halfYearAgo)) {
                    recent = recent.add(purchase.getValue());
                } else {
                    prior = prior.add(purchase.getValue());
                }
            }
        }
        if (trailing.compareTo(aThreshold) >= 0) {
            return new Tiering(CustomerTier.A, trailing, recent, prior, "trailing 12 months " + money(trailing)
                    + " reach the A threshold " + money(aThreshold));
        }
        if (trailing.compareTo(bThreshold) >= 0) {
            return new Tiering(CustomerTier.B, trailing, recent, prior, "trailing 12 months " + money(trailing)
                    + " reach the B threshold " + money(bThreshold));
        }
        if (recent.compareTo(growthFloor) >= 0 && recent.compareTo(prior.multiply(growthFactor)) > 0) {
            return new Tiering(CustomerTier.B, trailing, recent, prior, "growing: last 6 months " + money(recent)
                    + " against " + money(prior) + " in the 6 before");
        }
        return new Tiering(CustomerTier.C, trailing, recent, prior, "trailing 12 months " + money(trailing)
                + " below the B threshold " + money(bThreshold));
    }

    private static String money(BigDecimal amount) {
        return String.format("%,.2f", amount.setScale(2, RoundingMode.HALF_UP));
    }

    /** A customer's tier and the purchases it was decided on. */
    public record Tiering(CustomerTier tier, BigDecimal trailing12Months, BigDecimal last6Months,
                          BigDecimal prior6Months, String reason) {
    }
}
