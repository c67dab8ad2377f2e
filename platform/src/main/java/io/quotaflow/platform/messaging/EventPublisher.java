package io.quotaflow.platform.messaging;

import io.quotaflow.events.DomainEvent;
import io.quotaflow.events.EventEnvelope;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Publishes events to their topic and returns only once Kafka has acknowledged every one of them
 * ({@code acks=all}, idempotent producer), so that a caller may answer 2xx, mark an outbox entry done or
 * commit a consumer offset.
 *
 * <p>Each topic has a single writer: a service may only publish to the topics it owns (and to the
 * dead-letter topics of its own consumer groups).
 */
public interface EventPublisher {

    /** Wraps a payload in an envelope from this service, carrying the current correlation id. */
    <E extends DomainEvent> EventEnvelope<E> envelope(UUID eventId, Instant occurredAt, E payload);

    /** Encodes an envelope as the record it becomes on its topic: key, JSON value and headers. */
    OutgoingRecord encode(EventEnvelope<?> envelope);

    default void publish(EventEnvelope<?> envelope) {
        publish(List.of(envelope));
    }

    /**
     * Sends all envelopes and waits for all acknowledgements.
     *
     * @throws PublishFailedException if any was not acknowledged in time; some may have been written,
     *                                which is safe because consumers drop duplicates by event id
     */
    default void publish(List<? extends EventEnvelope<?>> envelopes) {
        publishEncoded(envelopes.stream().map(this::encode).toList());
    }

    /** Sends already encoded records (a replayed journal, a dead letter) and waits for every acknowledgement. */
    void publishEncoded(List<OutgoingRecord> records);

    /** Kafka did not acknowledge; nothing may be reported as done. */
    class PublishFailedException extends RuntimeException {
        public PublishFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
