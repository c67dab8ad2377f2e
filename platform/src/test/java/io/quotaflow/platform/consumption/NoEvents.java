package io.quotaflow.platform.consumption;

import io.quotaflow.events.DomainEvent;
import io.quotaflow.events.EventEnvelope;
import io.quotaflow.platform.messaging.EventPublisher;
import io.quotaflow.platform.messaging.OutgoingRecord;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A publisher for projections that derive no events: nothing may be sent through it. */
final class NoEvents implements EventPublisher {

    @Override
    public <E extends DomainEvent> EventEnvelope<E> envelope(UUID eventId, Instant occurredAt, E payload) {
        throw new UnsupportedOperationException("this projection derives no events");
    }

    @Override
    public OutgoingRecord encode(EventEnvelope<?> envelope) {
        throw new UnsupportedOperationException("this projection derives no events");
    }

    @Override
    public void publishEncoded(List<OutgoingRecord> records) {
        assertThat(records).isEmpty();
    }
}
