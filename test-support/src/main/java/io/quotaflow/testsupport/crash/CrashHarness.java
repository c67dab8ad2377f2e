package io.quotaflow.testsupport.crash;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Runs a consumer over the real broker the way production runs it — poll, process, commit the offsets — and
 * kills it as {@code kill -9} would whenever its {@link Crashes} plan says so (after a named step of a batch:
 * nothing more runs, no offset is committed), then starts a new instance of it, which carries on from the
 * committed offsets. {@link #race} runs two instances on the same partitions at once, as a zombie and its
 * successor do during a rebalance. Each run ends when every record of the topic has been consumed; the test then
 * compares what the consumer stored with a reference computed from the de-duplicated input.
 */
public final class CrashHarness {

    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration CATCH_UP = Duration.ofSeconds(120);

    private final String bootstrapServers;
    private final String topic;
    private final int partitions;
    private final int maxPollRecords;

    private CrashHarness(String bootstrapServers, String topic, int partitions, int maxPollRecords) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.partitions = partitions;
        this.maxPollRecords = maxPollRecords;
    }

    /** A consumer under test: one instance per (re)start, like one process. */
    @FunctionalInterface
    public interface ConsumerUnderTest {
        /** Processes one poll; a {@link Crashes.SimulatedCrash} (or any exception) kills this instance. */
        void process(List<ConsumerRecord<String, byte[]>> records);
    }

    /** A record to produce: key, value and headers. */
    public record Input(String key, byte[] value, Map<String, String> headers) {
        public Input {
            headers = headers == null ? Map.of() : Map.copyOf(headers);
        }
    }

    /** What a run did. */
    public record Run(int instancesStarted, int crashes, long recordsProcessed) {
    }

    /** Creates {@code topic} with {@code partitions} partitions on the broker. */
    public static CrashHarness onNewTopic(String bootstrapServers, String topic, int partitions, int maxPollRecords) {
        try (AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(60, TimeUnit.SECONDS);
            awaitLeaders(admin, topic, partitions);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("cannot create " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return new CrashHarness(bootstrapServers, topic, partitions, maxPollRecords);
    }

    /** A new topic answers only once every partition has a leader; on a busy machine that takes a moment. */
    private static void awaitLeaders(AdminClient admin, String topic, int partitions) {
        org.awaitility.Awaitility.await("leaders of " + topic).atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100)).until(() -> {
                    var description = admin.describeTopics(List.of(topic)).allTopicNames()
                            .get(30, TimeUnit.SECONDS).get(topic);
                    return description.partitions().size() == partitions
                            && description.partitions().stream().allMatch(partition -> partition.leader() != null);
                });
    }

    public String topic() {
        return topic;
    }

    /** Produces the records in order (acks=all), so duplicates and disorder are exactly as listed. */
    public void produce(List<Input> records) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new StringSerializer(), new ByteArraySerializer())) {
            List<java.util.concurrent.Future<?>> acks = new ArrayList<>();
            for (Input input : records) {
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, input.key(), input.value());
                input.headers().forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
                acks.add(producer.send(record));
            }
            for (java.util.concurrent.Future<?> ack : acks) {
                ack.get(90, TimeUnit.SECONDS);
            }
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("cannot produce to " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One consumer at a time, restarted after every crash, until the whole topic is consumed. */
    public Run consume(String group, Crashes crashes, Function<Crashes, ConsumerUnderTest> start) {
        return loop(group, crashes, start);
    }

    /**
     * Two instances consuming the same partitions at the same time (each committing), both restarted after
     * crashes, until both have consumed the whole topic.
     */
    public Run race(String group, Crashes crashes, Function<Crashes, ConsumerUnderTest> start) {
        CompletableFuture<Run> first = CompletableFuture.supplyAsync(() -> loop(group, crashes, start));
        CompletableFuture<Run> second = CompletableFuture.supplyAsync(() -> loop(group, crashes, start));
        Run a = first.join();
        Run b = second.join();
        return new Run(a.instancesStarted() + b.instancesStarted(), a.crashes() + b.crashes(),
                a.recordsProcessed() + b.recordsProcessed());
    }

    private Run loop(String group, Crashes crashes, Function<Crashes, ConsumerUnderTest> start) {
        List<TopicPartition> all = IntStream.range(0, partitions).mapToObj(p -> new TopicPartition(topic, p)).toList();
        int started = 1;
        int crashed = 0;
        long processed = 0;
        long deadline = System.nanoTime() + CATCH_UP.toNanos();
        KafkaConsumer<String, byte[]> consumer = consumer(group, all);
        ConsumerUnderTest instance = start.apply(crashes);
        try {
            Map<TopicPartition, Long> end = consumer.endOffsets(all);
            while (true) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the consumer did not catch up on " + topic + " within " + CATCH_UP);
                }
                ConsumerRecords<String, byte[]> polled = consumer.poll(POLL);
                if (polled.isEmpty()) {
                    if (caughtUp(consumer, all, end)) {
                        return new Run(started, crashed, processed);
                    }
                    continue;
                }
                List<ConsumerRecord<String, byte[]>> records = new ArrayList<>(polled.count());
                polled.forEach(records::add);
                try {
                    instance.process(records);
                } catch (RuntimeException death) {
                    if (!(death instanceof Crashes.SimulatedCrash)) {
                        throw death;
                    }
                    crashed++;
                    consumer.close(Duration.ZERO);
                    consumer = consumer(group, all);
                    instance = start.apply(crashes);
                    started++;
                    continue;
                }
                processed += records.size();
                Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
                for (ConsumerRecord<String, byte[]> record : records) {
                    offsets.merge(new TopicPartition(record.topic(), record.partition()),
                            new OffsetAndMetadata(record.offset() + 1),
                            (a, b) -> a.offset() >= b.offset() ? a : b);
                }
                consumer.commitSync(offsets);
            }
        } finally {
            consumer.close(Duration.ZERO);
        }
    }

    private boolean caughtUp(KafkaConsumer<String, byte[]> consumer, List<TopicPartition> all,
                             Map<TopicPartition, Long> end) {
        return all.stream().allMatch(partition -> consumer.position(partition) >= end.get(partition));
    }

    /** A consumer of every partition, positioned at the group's committed offsets (no group rebalancing). */
    private KafkaConsumer<String, byte[]> consumer(String group, List<TopicPartition> all) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords),
                new StringDeserializer(), new ByteArrayDeserializer());
        consumer.assign(all);
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new java.util.HashSet<>(all));
        for (TopicPartition partition : all) {
            OffsetAndMetadata offset = committed.get(partition);
            if (offset == null) {
                consumer.seekToBeginning(List.of(partition));
            } else {
                consumer.seek(partition, offset.offset());
            }
        }
        return consumer;
    }
}
