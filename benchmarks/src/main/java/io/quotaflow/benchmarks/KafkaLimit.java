package io.quotaflow.benchmarks;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * B1: what this machine's broker allows — a plain producer ({@code acks=all}, idempotent) and a plain consumer of
 * records exactly like Quotaflow's activity events (the events module's codec), on the same broker; and the
 * consumer again, parsing each record's JSON into its envelope.
 */
final class KafkaLimit {

    static final String TOPIC = "bench-raw";

    record Result(double produced, double consumed, double consumedAndParsed, double averageBytes) {
    }

    static Result measure(Stack stack, Workload workload, int records) {
        stack.createTopics(List.of(TOPIC));
        List<ProducerRecord<String, byte[]>> pool = new ArrayList<>();
        long bytes = 0;
        for (int i = 0; i < 1000; i++) {
            ProducerRecord<String, byte[]> record = workload.eventRecord(i);
            pool.add(new ProducerRecord<>(TOPIC, null, record.key(), record.value(), record.headers()));
            bytes += record.value().length;
        }
        double produced = produce(stack.bootstrapServers(), pool, records);
        double consumed = consume(stack.bootstrapServers(), records, "bench-raw-plain", false);
        double parsed = consume(stack.bootstrapServers(), records, "bench-raw-parse", true);
        return new Result(produced, consumed, parsed, bytes / (double) pool.size());
    }

    /**
     * The harness's producer. Its request time-out is two minutes, not the client's 30 s: on a machine loaded tenfold
     * the embedded broker answered a first produce request later than that, and the client's retry of a batch the
     * broker had already written was refused as out of sequence until the record expired.
     */
    static KafkaProducer<String, byte[]> producer(String bootstrapServers) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 120_000, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 300_000),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** Sends {@code count} records cycling through {@code pool}; records per second until the last is acknowledged. */
    static double produce(String bootstrapServers, List<ProducerRecord<String, byte[]>> pool, long count) {
        AtomicReference<Exception> failure = new AtomicReference<>();
        long start = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = producer(bootstrapServers)) {
            for (long i = 0; i < count; i++) {
                producer.send(pool.get((int) (i % pool.size())), (metadata, e) -> {
                    if (e != null) {
                        failure.set(e);
                    }
                });
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("the broker refused a record", failure.get());
        }
        return count / seconds(start);
    }

    private static double consume(String bootstrapServers, long count, String group, boolean parse) {
        long start = System.nanoTime();
        long seen = 0;
        long checksum = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            while (seen < count) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    seen++;
                    checksum += parse ? Workload.codec().decode(record.value()).eventType().length()
                            : record.value().length;
                }
                if (seconds(start) > 600) {
                    throw new IllegalStateException("consumed only " + seen + " of " + count);
                }
            }
            consumer.commitSync();
        }
        if (checksum == 0) {
            throw new IllegalStateException("nothing read");
        }
        return count / seconds(start);
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
