package io.quotaflow.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The wire envelope of every Quotaflow event. Attribute names follow CloudEvents (id, type, source,
 * time, subject); {@code eventId} and {@code eventType} are also copied into Kafka headers.
 *
 * @param eventId       unique id; deterministic where the source has its own id, so that a retry yields
 *                      the same id and every consumer can drop the duplicate
 * @param eventType     the simple name of the payload record, e.g. {@code DealClosed}
 * @param eventVersion  schema version of the payload; changes inside one version are additive only
 * @param occurredAt    when the fact happened (UTC)
 * @param source        the producer, e.g. {@code quotaflow/activity-service}
 * @param subject       the aggregate id, also the Kafka key
 * @param correlationId the id of the request or event that caused this one
 * @param payload       the event itself
 */
public record EventEnvelope<E extends DomainEvent>(
        UUID eventId,
        String eventType,
        int eventVersion,
        Instant occurredAt,
        String source,
        String subject,
        String correlationId,
        E payload) {

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(payload, "payload");
        if (eventVersion < 1) {
            throw new IllegalArgumentException("eventVersion must be >= 1");
        }
    }

    /** Wraps an event with the type and subject taken from it and the current schema version. */
    public static <E extends DomainEvent> EventEnvelope<E> of(
            UUID eventId, Instant occurredAt, String source, String correlationId, E payload) {
        return new EventEnvelope<>(eventId, EventTypes.nameOf(payload.getClass()), EventTypes.CURRENT_VERSION,
                occurredAt, source, payload.subject(), correlationId, payload);
    }
}
