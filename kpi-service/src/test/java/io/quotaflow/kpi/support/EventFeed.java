package io.quotaflow.kpi.support;

import io.quotaflow.events.EventCodec;
import io.quotaflow.events.EventEnvelope;
import io.quotaflow.events.EventHeaders;
import io.quotaflow.events.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Puts events on their topics as their producers would: keyed by subject, with the id and type in headers. */
public final class EventFeed {

    private static final EventCodec CODEC = new EventCodec();

    private EventFeed() {
    }

    /** Publishes in order and waits for Kafka's acknowledgements. */
    public static void publish(String bootstrapServers, List<? extends EventEnvelope<?>> envelopes) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new StringSerializer(), new ByteArraySerializer())) {
            List<Future<?>> acks = new ArrayList<>();
            for (EventEnvelope<?> envelope : envelopes) {
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(
                        Topics.of(envelope.payload().getClass()).name(), envelope.subject(), CODEC.encode(envelope));
                record.headers().add(EventHeaders.EVENT_ID, bytes(envelope.eventId().toString()))
                        .add(EventHeaders.EVENT_TYPE, bytes(envelope.eventType()));
                acks.add(producer.send(record));
            }
            for (Future<?> ack : acks) {
                ack.get(60, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish", e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
