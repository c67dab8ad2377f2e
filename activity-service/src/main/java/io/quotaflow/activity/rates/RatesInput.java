package io.quotaflow.activity.rates;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A currency's whole rate table, as sent to {@code PUT /api/activities/rates/{currency}}.
 *
 * @param entries each {@code {"effectiveFrom":"2027-01-01","rate":"0.1385"}}: one unit of the currency is worth
 *                {@code rate} units of the reporting currency from that day on
 */
public record RatesInput(List<EntryInput> entries) {

    public record EntryInput(LocalDate effectiveFrom, BigDecimal rate) {
    }
}
