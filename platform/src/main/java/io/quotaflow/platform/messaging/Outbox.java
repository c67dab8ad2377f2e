package io.quotaflow.platform.messaging;

import io.quotaflow.events.EventEnvelope;

import java.util.List;

/**
 * A source of events that a service's state says must be published but may not have been yet.
 *
 * <p>There is no dual write: the service changes its state in one single-document write that also
 * records "to be published"; the {@link OutboxRelay} publishes and then calls {@link #published}. A crash
 * in between publishes again with the same deterministic event ids, which consumers drop.
 */
public interface Outbox {

    /** Up to {@code limit} batches awaiting publication. */
    List<Pending> pending(int limit);

    /** Called once every event of the batch has been acknowledged by Kafka. */
    void published(Pending batch);

    /** The events of one state change, and the token the outbox needs to mark them published. */
    record Pending(String id, Object token, List<? extends EventEnvelope<?>> events) {
    }
}
