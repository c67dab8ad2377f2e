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
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes events to their topic and returns only once Kafka has acknowledged every one of them
 * ({@code acks=all}, idempotent producer), so a caller may answer 2xx or mark an outbox entry done.
 *
 * <p>Each topic has a single writer: a service may only publish to the topics it owns.
 */
public class EventPublisher {

    private final KafkaTemplate<String, byte[]> kafka;
    private final EventCodec codec;
    private final String service;
    private final Duration ackTimeout;
    private final MeterRegistry meters;

    public EventPublisher(KafkaTemplate<String, byte[]> kafka, EventCodec codec, String service, Duration ackTimeout,
                          MeterRegistry meters) {
        this.kafka = kafka;
        this.codec = codec;
        this.service = service;
        this.ackTimeout = ackTimeout;
        this.meters = meters;
    }

    /** Wraps a payload in an envelope from this service, carrying the current correlation id. */
    public <E extends DomainEvent> EventEnvelope<E> envelope(UUID eventId, Instant occurredAt, E payload) {
        return EventEnvelope.of(eventId, occurredAt, "quotaflow/" + service,
                Correlation.current().orElse(eventId.toString()), payload);
    }

    public void publish(EventEnvelope<?> envelope) {
        publish(List.of(envelope));
    }

    /**
     * Sends all envelopes and waits for all acknowledgements.
     *
     * @throws PublishFailedException if any was not acknowledged in time; some may have been written,
     *                                which is safe because consumers drop duplicates by event id
     */
    public void publish(List<? extends EventEnvelope<?>> envelopes) {
        if (envelopes.isEmpty()) {
            return;
        }
        List<ProducerRecord<String, byte[]>> records = envelopes.stream().<ProducerRecord<String, byte[]>>map(this::record).toList();
        Timer.Sample sample = Timer.start(meters);
        List<CompletableFuture<?>> acks = new ArrayList<>(envelopes.size());
        String outcome = "acknowledged";
        try {
            for (ProducerRecord<String, byte[]> record : records) {
                acks.add(kafka.send(record));
            }
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                    .get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = "failed";
            throw new PublishFailedException("interrupted while waiting for Kafka", e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            outcome = "failed";
            throw new PublishFailedException("Kafka did not acknowledge " + envelopes.size() + " event(s)",
                    e instanceof ExecutionException ? e.getCause() : e);
        } finally {
            sample.stop(meters.timer("quotaflow.events.publish", "outcome", outcome));
        }
        for (EventEnvelope<?> envelope : envelopes) {
            meters.counter("quotaflow.events.published",
                    "topic", Topics.of(envelope.payload().getClass()).name(), "type", envelope.eventType()).increment();
        }
    }

    private ProducerRecord<String, byte[]> record(EventEnvelope<?> envelope) {
        Topic<?> topic = Topics.of(envelope.payload().getClass());
        if (!topic.producer().equals(service)) {
            throw new IllegalStateException(service + " may not write to " + topic.name()
                    + "; its single writer is " + topic.producer());
        }
        ProducerRecord<String, byte[]> record =
                new ProducerRecord<>(topic.name(), envelope.subject(), codec.encode(envelope));
        record.headers()
                .add(EventHeaders.EVENT_ID, utf8(envelope.eventId().toString()))
                .add(EventHeaders.EVENT_TYPE, utf8(envelope.eventType()))
                .add(EventHeaders.EVENT_VERSION, utf8(Integer.toString(envelope.eventVersion())));
        if (envelope.correlationId() != null) {
            record.headers().add(EventHeaders.CORRELATION_ID, utf8(envelope.correlationId()));
        }
        return record;
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    /** Kafka did not acknowledge; nothing may be reported as done. */
    public static class PublishFailedException extends RuntimeException {
        public PublishFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
