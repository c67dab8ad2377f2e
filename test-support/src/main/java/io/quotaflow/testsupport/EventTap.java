package io.quotaflow.testsupport;

import io.quotaflow.events.DomainEvent;
import io.quotaflow.events.EventCodec;
import io.quotaflow.events.EventEnvelope;
import io.quotaflow.events.Topic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * A real Kafka consumer on one topic, in its own consumer group, that records every event it sees (with
 * its key and headers) so a test can assert what a service published, duplicates included.
 */
public final class EventTap<E extends DomainEvent> implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final Class<E> family;
    private final EventCodec codec = new EventCodec();
    private final List<Received<E>> received = new ArrayList<>();

    private EventTap(KafkaConsumer<String, byte[]> consumer, Class<E> family) {
        this.consumer = consumer;
        this.family = family;
    }

    /** Starts reading {@code topic} from its current end; call before the action under test. */
    public static <E extends DomainEvent> EventTap<E> tail(String bootstrapServers, Topic<E> topic) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "event-tap-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic.name()));
        // Wait for the assignment so that nothing published after this call is missed.
        long deadline = System.currentTimeMillis() + 30_000;
        while (consumer.assignment().isEmpty() && System.currentTimeMillis() < deadline) {
            consumer.poll(Duration.ofMillis(100));
        }
        consumer.seekToEnd(consumer.assignment());
        consumer.assignment().forEach(consumer::position);
        return new EventTap<>(consumer, topic.family());
    }

    /** Polls until {@code done} holds for what has been received, or fails after the timeout. */
    public List<Received<E>> awaitUntil(Predicate<List<Received<E>>> done, Duration timeout) {
        long deadline = System.currentTimeMillis() + timeout.toMillis();
        while (!done.test(received)) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out after " + timeout + "; received " + received.size()
                        + " event(s): " + received.stream().map(r -> r.envelope().eventType()).toList());
            }
            poll(Duration.ofMillis(200));
        }
        return List.copyOf(received);
    }

    /** Keeps polling for {@code quietPeriod} to catch late duplicates, then returns everything received. */
    public List<Received<E>> drain(Duration quietPeriod) {
        long until = System.currentTimeMillis() + quietPeriod.toMillis();
        while (System.currentTimeMillis() < until) {
            poll(Duration.ofMillis(200));
        }
        return List.copyOf(received);
    }

    private void poll(Duration timeout) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(timeout)) {
            Map<String, String> headers = new java.util.HashMap<>();
            record.headers().forEach(h -> headers.put(h.key(), new String(h.value(), java.nio.charset.StandardCharsets.UTF_8)));
            received.add(new Received<>(record.key(), headers, codec.decode(record.value(), family)));
        }
    }

    @Override
    public void close() {
        consumer.close();
    }

    /** One record as consumed: its key, its headers and the decoded envelope. */
    public record Received<E extends DomainEvent>(String key, Map<String, String> headers, EventEnvelope<E> envelope) {
        public E payload() {
            return envelope.payload();
        }
    }
}
