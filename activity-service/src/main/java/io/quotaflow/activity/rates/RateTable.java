package io.quotaflow.activity.rates;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The effective-dated rates of one currency into the reporting currency: each entry holds from its
 * {@code effectiveFrom} day until the next entry's.
 *
 * @param currency the ISO-4217 code converted from
 * @param entries  oldest first
 */
public record RateTable(String currency, List<Entry> entries) {

    public RateTable {
        entries = entries.stream().sorted(Comparator.comparing(Entry::effectiveFrom)).toList();
    }

    /** How many units of the reporting currency one unit of {@code currency} is worth from a day on. */
    public record Entry(LocalDate effectiveFrom, BigDecimal rate) {
    }

    /** The rate effective on {@code day}; empty before the first entry. */
    public Optional<BigDecimal> rateOn(LocalDate day) {
        BigDecimal rate = null;
        for (Entry entry : entries) {
            if (entry.effectiveFrom().isAfter(day)) {
                break;
            }
            rate = entry.rate();
        }
        return Optional.ofNullable(rate);
    }
}
