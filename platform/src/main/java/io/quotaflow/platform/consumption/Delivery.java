package io.quotaflow.platform.consumption;

import io.quotaflow.events.DomainEvent;
import io.quotaflow.events.EventEnvelope;

import java.util.UUID;

/** A decoded event and where it was read from. */
public record Delivery<E extends DomainEvent>(String topic, int partition, long offset, EventEnvelope<E> envelope) {

    public E payload() {
        return envelope.payload();
    }

    public UUID eventId() {
        return envelope.eventId();
    }

    public String topicPartition() {
        return topic + "-" + partition;
    }
}
