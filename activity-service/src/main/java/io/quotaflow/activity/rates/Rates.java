package io.quotaflow.activity.rates;

import org.springframework.data.mongodb.repository.MongoRepository;

/** Stored rate tables by currency. */
interface Rates extends MongoRepository<CurrencyRates, String> {
}
