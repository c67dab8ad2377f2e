package io.quotaflow.activity.ingestion;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * Limits of what is accepted ({@code quotaflow.activity.ingestion.*}).
 *
 * @param maxBatchSize     activities per batch request (default 1,000)
 * @param maxAmount        the largest amount accepted, in the activity's currency (default 1,000,000,000)
 * @param futureSkew       how far after now an {@code occurredAt} may be, for clocks that run ahead (default 5m)
 * @param maxAge           how long ago an {@code occurredAt} may be (default 730 days: two years of history)
 * @param receiptRetention how long an event id is remembered to answer a retry as a duplicate (default 400 days;
 *                         consumers also drop duplicates by event id)
 * @param purgeInterval    how often receipts older than that are deleted (default 1h; a real MongoDB's TTL index
 *                         does it too, the embedded one has none)
 */
@ConfigurationProperties("quotaflow.activity.ingestion")
public record IngestionProperties(Integer maxBatchSize, BigDecimal maxAmount, Duration futureSkew, Duration maxAge,
                                  Duration receiptRetention, Duration purgeInterval) {

    public IngestionProperties {
        maxBatchSize = maxBatchSize == null ? 1_000 : maxBatchSize;
        maxAmount = maxAmount == null ? new BigDecimal("1000000000") : maxAmount;
        futureSkew = futureSkew == null ? Duration.ofMinutes(5) : futureSkew;
        maxAge = maxAge == null ? Duration.ofDays(730) : maxAge;
        receiptRetention = receiptRetention == null ? Duration.ofDays(400) : receiptRetention;
        purgeInterval = purgeInterval == null ? Duration.ofHours(1) : purgeInterval;
    }
}
