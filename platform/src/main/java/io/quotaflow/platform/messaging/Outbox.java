package io.quotaflow.platform.messaging;

import io.quotaflow.events.EventEnvelope;

import java.util.List;

/**
 * A source of events that a service's state says must be published but may not have been yet.
 *
 * <p>There is no dual write: the service changes its state in one single-document write that also
 * records "to be published"; the {@link OutboxRelay} publishes and then calls {@link #published}. A crash
 * in between publishes again with the same deterministic event ids, which consumers drop.
 *
 * <p>One relay at a time drains an outbox (it holds the lease named after {@link #name()}). Code that
 * publishes a batch right after writing it, outside the relay, needs no lease as long as the outbox keeps
 * the two rules the relay relies on: the events of a batch are derived from the stored state with
 * deterministic ids (publishing them twice is a duplicate consumers drop), and {@link #published} is a
 * conditional write that only marks the state it was computed from (a newer state stays pending).
 *
 * @param <T> what the outbox needs, besides the batch id, to mark a batch published
 */
public interface Outbox<T> {

    /** Names this outbox, and so the lease of the relay that drains it: the same on every instance. */
    String name();

    /** Up to {@code limit} batches awaiting publication. */
    List<Pending<T>> pending(int limit);

    /** Called once every event of the batch has been acknowledged by Kafka. */
    void published(Pending<T> batch);

    /** The events of one state change, and the token the outbox needs to mark them published. */
    record Pending<T>(String id, T token, List<? extends EventEnvelope<?>> events) {

        public Pending {
            events = List.copyOf(events);
        }
    }
}
