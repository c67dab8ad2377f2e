package io.quotaflow.platform.consumption;

import io.quotaflow.events.DomainEvent;

import java.util.List;
import java.util.Set;

/**
 * What a consumer does with events: given each new event (never a duplicate, never one already applied), the
 * changes to the service's documents and the events it derives. The ledger makes those effects happen exactly
 * once; a projection itself never touches MongoDB or Kafka.
 *
 * <p>A projection must be deterministic over its inputs (the records and the documents it read): the ledger may
 * compute a chunk again after a failure, before it was claimed. Every document of {@link #collections()} is
 * written through the ledger only (readers may read them freely; the fields {@code v} and {@code hw} are the
 * ledger's).
 */
public interface Projection<E extends DomainEvent> {

    /** The collections this projection writes; the ledger creates the unique {@code (_id, v)} index on each. */
    Set<String> collections();

    /** Names the documents the records need to read: they are fetched in one bulk read per collection. */
    default void prefetch(List<Delivery<E>> deliveries, Prefetch prefetch) {
    }

    /**
     * Names documents whose ids only the documents of {@link #prefetch} tell (the month a deal was won in, read from
     * the deal, when a cancellation arrives): a second bulk read per collection, made only when something is named.
     * While a round names documents not read yet, it is called again with those read too (a customer's deal that
     * becomes first, then the figures its credit moves into), at most {@value Ledger#MAX_PREFETCH_ROUNDS} times.
     */
    default void prefetchMore(List<Delivery<E>> deliveries, Prefetched prefetched, Prefetch more) {
    }

    /** Applies one event, in offset order within its partition. */
    void apply(Delivery<E> delivery, Batch batch);

    /** Called once after the chunk's last event, e.g. to derive coalesced events from what changed. */
    default void complete(Batch batch) {
    }

    /**
     * Called once a chunk of {@code topicPartition} is durably applied (by this process, or recovered from
     * another's journal entry), e.g. to refresh an in-memory cache of the documents.
     */
    default void afterApplied(String topicPartition) {
    }
}
