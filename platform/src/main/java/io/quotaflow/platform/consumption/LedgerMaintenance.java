package io.quotaflow.platform.consumption;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;

/** Deletes event-id markers and journal entries past their retention (the embedded MongoDB has no TTL). */
public class LedgerMaintenance {

    private static final Logger log = LoggerFactory.getLogger(LedgerMaintenance.class);

    private final Ledgers ledgers;
    private final LedgerProperties properties;
    private final Clock clock;

    public LedgerMaintenance(Ledgers ledgers, LedgerProperties properties, Clock clock) {
        this.ledgers = ledgers;
        this.properties = properties;
        this.clock = clock;
    }

    /** One pass; returns how many markers and entries were deleted. */
    public long purge() {
        Instant now = clock.instant();
        long deleted = 0;
        for (Ledger<?> ledger : ledgers.all()) {
            try {
                deleted += ledgers.store().purge(ledger.consumer(), now.minus(properties.seenRetention()),
                        now.minus(properties.journalRetention()));
            } catch (RuntimeException e) {
                log.warn("Could not purge the ledger of {} ({}); will try again", ledger.consumer(), e.toString());
            }
        }
        return deleted;
    }
}
