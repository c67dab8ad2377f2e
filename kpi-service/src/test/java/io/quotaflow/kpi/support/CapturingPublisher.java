package io.quotaflow.kpi.support;

import io.quotaflow.events.DomainEvent;
import io.quotaflow.events.EventCodec;
import io.quotaflow.events.EventEnvelope;
import io.quotaflow.events.EventHeaders;
import io.quotaflow.events.Topics;
import io.quotaflow.platform.messaging.EventPublisher;
import io.quotaflow.platform.messaging.OutgoingRecord;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Keeps what a ledger publishes (derived events, dead letters) instead of sending it, encoded exactly as
 * {@code KafkaEventPublisher} encodes it, so that a test can feed the derived events to the next consumer.
 */
public final class CapturingPublisher implements EventPublisher {

    private final EventCodec codec = new EventCodec();
    private final List<OutgoingRecord> published = new CopyOnWriteArrayList<>();

    @Override
    public <E extends DomainEvent> EventEnvelope<E> envelope(UUID eventId, Instant occurredAt, E payload) {
        return EventEnvelope.of(eventId, occurredAt, "quotaflow/kpi-service", null, payload);
    }

    @Override
    public OutgoingRecord encode(EventEnvelope<?> envelope) {
        return new OutgoingRecord(Topics.of(envelope.payload().getClass()).name(), envelope.subject(),
                codec.encode(envelope), Map.of(EventHeaders.EVENT_ID, envelope.eventId().toString(),
                EventHeaders.EVENT_TYPE, envelope.eventType()));
    }

    @Override
    public void publishEncoded(List<OutgoingRecord> records) {
        published.addAll(records);
    }

    /** Everything published so far, in order, repeats included. */
    public List<OutgoingRecord> published() {
        return List.copyOf(published);
    }

    /** What was published to one topic, decoded. */
    public <E extends DomainEvent> List<EventEnvelope<E>> on(io.quotaflow.events.Topic<E> topic) {
        return published.stream().filter(record -> record.topic().equals(topic.name()))
                .map(record -> codec.decode(record.value(), topic.family())).toList();
    }
}
