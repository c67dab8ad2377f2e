package io.quotaflow.platform.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quotaflow.events.DomainEvent;
import io.quotaflow.events.EventCodec;
import io.quotaflow.events.EventEnvelope;
import io.quotaflow.events.EventHeaders;
import io.quotaflow.events.Topic;
import io.quotaflow.events.Topics;
import io.quotaflow.platform.web.Correlation;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** {@link EventPublisher} over the service's {@link KafkaTemplate} (acks=all, idempotent; checked at start-up). */
public class KafkaEventPublisher implements EventPublisher {

    private final KafkaTemplate<String, byte[]> kafka;
    private final EventCodec codec;
    private final String service;
    private final Duration ackTimeout;
    private final MeterRegistry meters;

    public KafkaEventPublisher(KafkaTemplate<String, byte[]> kafka, EventCodec codec, String service,
                               Duration ackTimeout, MeterRegistry meters) {
        this.kafka = kafka;
        this.codec = codec;
        this.service = service;
        this.ackTimeout = ackTimeout;
        this.meters = meters;
    }

    @Override
    public <E extends DomainEvent> EventEnvelope<E> envelope(UUID eventId, Instant occurredAt, E payload) {
        return EventEnvelope.of(eventId, occurredAt, "quotaflow/" + service,
                Correlation.current().orElse(eventId.toString()), payload);
    }

    @Override
    public OutgoingRecord encode(EventEnvelope<?> envelope) {
        Topic<?> topic = Topics.of(envelope.payload().getClass());
        if (!topic.producer().equals(service)) {
            throw new IllegalStateException(service + " may not write to " + topic.name()
                    + "; its single writer is " + topic.producer());
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(EventHeaders.EVENT_ID, envelope.eventId().toString());
        headers.put(EventHeaders.EVENT_TYPE, envelope.eventType());
        headers.put(EventHeaders.EVENT_VERSION, Integer.toString(envelope.eventVersion()));
        if (envelope.correlationId() != null) {
            headers.put(EventHeaders.CORRELATION_ID, envelope.correlationId());
        }
        return new OutgoingRecord(topic.name(), envelope.subject(), codec.encode(envelope), headers);
    }

    @Override
    public void publishEncoded(List<OutgoingRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        records.forEach(this::checkWriter);
        Timer.Sample sample = Timer.start(meters);
        List<CompletableFuture<?>> acks = new ArrayList<>(records.size());
        String outcome = "acknowledged";
        try {
            for (OutgoingRecord record : records) {
                acks.add(kafka.send(producerRecord(record)));
            }
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                    .get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = "failed";
            throw new PublishFailedException("interrupted while waiting for Kafka", e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            outcome = "failed";
            throw new PublishFailedException("Kafka did not acknowledge " + records.size() + " record(s)",
                    e instanceof ExecutionException ? e.getCause() : e);
        } finally {
            sample.stop(meters.timer("quotaflow.events.publish", "outcome", outcome));
        }
        for (OutgoingRecord record : records) {
            meters.counter("quotaflow.events.published", "topic", record.topic(),
                    "type", record.headers().getOrDefault(EventHeaders.EVENT_TYPE, "unknown")).increment();
        }
    }

    /** Single writer: the topics this service owns, and the dead-letter topics of its own consumers. */
    private void checkWriter(OutgoingRecord record) {
        if (record.topic().endsWith(".dlq")) {
            return;
        }
        Topic<?> topic = Topics.byName(record.topic()).orElseThrow(() ->
                new IllegalStateException(record.topic() + " is not a Quotaflow topic"));
        if (!topic.producer().equals(service)) {
            throw new IllegalStateException(service + " may not write to " + topic.name()
                    + "; its single writer is " + topic.producer());
        }
    }

    private static ProducerRecord<String, byte[]> producerRecord(OutgoingRecord record) {
        ProducerRecord<String, byte[]> producerRecord = new ProducerRecord<>(record.topic(), record.key(), record.value());
        record.headers().forEach((name, value) ->
                producerRecord.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return producerRecord;
    }
}
