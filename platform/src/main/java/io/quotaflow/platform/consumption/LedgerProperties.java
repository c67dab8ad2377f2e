package io.quotaflow.platform.consumption;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Settings of every ledger consumer ({@code quotaflow.ledger.*}).
 *
 * @param chunkSize       records per chunk (one journal entry); the database work per chunk is constant
 * @param writeBulkSize   document writes per bulk command
 * @param fenceCacheSize  documents whose version the ledger remembers, so steady-state writes need no read
 * @param seenRetention   how long event-id markers are kept: a duplicate older than this is not recognised
 *                        (CRMs retry for 24 hours; the default is 7 days)
 * @param journalRetention how long applied journal entries are kept for diagnosis
 * @param purgeInterval   how often expired markers and entries are deleted
 * @param retryInterval   the pause between attempts at a chunk that failed for a transient reason (a database
 *                        or broker outage); such a chunk is retried until it succeeds, never skipped
 */
@ConfigurationProperties("quotaflow.ledger")
public record LedgerProperties(Integer chunkSize, Integer writeBulkSize, Long fenceCacheSize, Duration seenRetention,
                               Duration journalRetention, Duration purgeInterval, Duration retryInterval) {

    public LedgerProperties {
        chunkSize = chunkSize == null ? 1000 : chunkSize;
        writeBulkSize = writeBulkSize == null ? 1000 : writeBulkSize;
        fenceCacheSize = fenceCacheSize == null ? 200_000L : fenceCacheSize;
        seenRetention = seenRetention == null ? Duration.ofDays(7) : seenRetention;
        journalRetention = journalRetention == null ? Duration.ofDays(1) : journalRetention;
        purgeInterval = purgeInterval == null ? Duration.ofHours(1) : purgeInterval;
        retryInterval = retryInterval == null ? Duration.ofSeconds(1) : retryInterval;
        if (chunkSize < 1 || writeBulkSize < 1) {
            throw new IllegalArgumentException("quotaflow.ledger.chunk-size and write-bulk-size must be at least 1");
        }
    }

    public static LedgerProperties defaults() {
        return new LedgerProperties(null, null, null, null, null, null, null);
    }
}
