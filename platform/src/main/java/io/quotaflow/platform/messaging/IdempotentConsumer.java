package io.quotaflow.platform.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.quotaflow.events.DomainEvent;
import io.quotaflow.events.EventCodec;
import io.quotaflow.events.EventEnvelope;
import io.quotaflow.platform.web.Correlation;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.messaging.Message;

import java.time.Clock;
import java.util.function.Consumer;

/**
 * The one place where Quotaflow consumers become idempotent by {@code eventId}.
 *
 * <p>Each (consumer, event id) is recorded in the {@code processed_events} collection once its handler
 * has completed; a redelivered event that is already recorded is dropped without calling the handler.
 * Because MongoDB gives no transaction spanning the handler's writes and that record, a crash between
 * the two redelivers the event: handlers must therefore write their effects keyed by event id (facts
 * under a unique id, aggregates recomputed from facts, conditional updates), which makes the rerun a
 * no-op. Unknown event types from newer producers are skipped; malformed records are rethrown so the
 * binder retries them and then sends them to the dead-letter topic.
 */
public class IdempotentConsumer {

    static final String COLLECTION = "processed_events";
    private static final Logger log = LoggerFactory.getLogger(IdempotentConsumer.class);

    private final MongoTemplate mongo;
    private final EventCodec codec;
    private final MeterRegistry meters;
    private final Clock clock;

    public IdempotentConsumer(MongoTemplate mongo, EventCodec codec, MeterRegistry meters, Clock clock) {
        this.mongo = mongo;
        this.codec = codec;
        this.meters = meters;
        this.clock = clock;
    }

    /** Decodes a Kafka record of the given family and hands it to {@code handler} unless already processed. */
    public <E extends DomainEvent> void accept(String consumer, Message<byte[]> message, Class<E> family,
                                               Consumer<EventEnvelope<E>> handler) {
        EventEnvelope<E> envelope;
        try {
            envelope = codec.decode(message.getPayload(), family);
        } catch (EventCodec.UnknownEventTypeException newer) {
            count(consumer, newer.eventType(), "skipped");
            log.debug("{} skips unknown event type {}", consumer, newer.eventType());
            return;
        }
        accept(consumer, envelope, handler);
    }

    /** Hands an already decoded event to {@code handler} unless this consumer has processed it. */
    public <E extends DomainEvent> void accept(String consumer, EventEnvelope<E> envelope,
                                               Consumer<EventEnvelope<E>> handler) {
        String key = consumer + "/" + envelope.eventId();
        Correlation.with(envelope.correlationId(), () -> {
            if (mongo.exists(Query.query(Criteria.where("_id").is(key)), COLLECTION)) {
                count(consumer, envelope.eventType(), "duplicate");
                return;
            }
            try {
                handler.accept(envelope);
            } catch (RuntimeException e) {
                count(consumer, envelope.eventType(), "failed");
                throw e;
            }
            mongo.upsert(Query.query(Criteria.where("_id").is(key)),
                    Update.fromDocument(new Document("$setOnInsert", new Document("consumer", consumer)
                            .append("eventId", envelope.eventId().toString())
                            .append("eventType", envelope.eventType())
                            .append("processedAt", clock.instant()))),
                    COLLECTION);
            count(consumer, envelope.eventType(), "applied");
        });
    }

    /** Whether this consumer has completed the event (for tests and diagnostics). */
    public boolean processed(String consumer, java.util.UUID eventId) {
        return mongo.exists(Query.query(Criteria.where("_id").is(consumer + "/" + eventId)), COLLECTION);
    }

    private void count(String consumer, String eventType, String outcome) {
        meters.counter("quotaflow.events.consumed", "consumer", consumer, "type", eventType, "outcome", outcome)
                .increment();
    }
}
