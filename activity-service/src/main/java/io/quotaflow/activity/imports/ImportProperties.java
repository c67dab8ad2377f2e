package io.quotaflow.activity.imports;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * CSV imports ({@code quotaflow.activity.imports.*}).
 *
 * @param batchSize     rows ingested (and published) together (default 1,000)
 * @param maxErrors     row errors kept per job; the rest are counted only (default 1,000)
 * @param concurrency   imports run at once by one instance (default 2)
 * @param queue         imports waiting beyond those (default 4); more are refused with 503
 * @param stallAfter    a running job whose progress has not moved for this long is shown as {@code STALLED}: the
 *                      instance running it has stopped (default 2m)
 * @param publishRetries how often a batch is tried again when Kafka or MongoDB does not answer (default 5, with
 *                       growing pauses from 1s), before the job fails
 */
@ConfigurationProperties("quotaflow.activity.imports")
public record ImportProperties(Integer batchSize, Integer maxErrors, Integer concurrency, Integer queue,
                               Duration stallAfter, Integer publishRetries) {

    public ImportProperties {
        batchSize = batchSize == null ? 1_000 : batchSize;
        maxErrors = maxErrors == null ? 1_000 : maxErrors;
        concurrency = concurrency == null ? 2 : concurrency;
        queue = queue == null ? 4 : queue;
        stallAfter = stallAfter == null ? Duration.ofMinutes(2) : stallAfter;
        publishRetries = publishRetries == null ? 5 : publishRetries;
    }
}
