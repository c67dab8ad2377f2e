package io.quotaflow.activity.rates;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/** The stored rate table of one currency (collection {@code currency_rates}, one document per currency). */
@Document("currency_rates")
record CurrencyRates(@Id String currency, List<RateTable.Entry> entries, Instant updatedAt, String updatedBy) {

    RateTable table() {
        return new RateTable(currency, entries);
    }
}
