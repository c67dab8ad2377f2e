package io.quotaflow.platform.consumption;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quotaflow.events.EventCodec;
import io.quotaflow.events.Topic;
import io.quotaflow.events.Topics;
import io.quotaflow.events.activity.ActivityEvent;
import io.quotaflow.events.kpi.KpiEvent;
import io.quotaflow.platform.messaging.EventPublisher;
import io.quotaflow.platform.messaging.KafkaEventPublisher;
import io.quotaflow.testsupport.EmbeddedInfrastructure;
import io.quotaflow.testsupport.EventTap;
import io.quotaflow.testsupport.crash.CrashHarness;
import io.quotaflow.testsupport.crash.Crashes;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The crash-anywhere proof of the ledger, on the real broker and the real MongoDB wire protocol: a shuffled
 * stream with duplicates (same partition and another one), malformed and unknown records and one that the
 * projection refuses, consumed while the consumer is killed after each step of a chunk, twice, or while two
 * consumers race on the same partitions. Every run must end exactly as the reference computed from the
 * de-duplicated input: same totals, every derived event once by id, every bad record in the dead-letter topic.
 */
class LedgerCrashIT {

    private static final String BROKERS = EmbeddedInfrastructure.shared().kafkaBootstrapServers();
    private static final MongoClient MONGO = MongoClients.create(EmbeddedInfrastructure.shared().mongoConnectionString());
    private static final DefaultKafkaProducerFactory<String, byte[]> PRODUCERS = new DefaultKafkaProducerFactory<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BROKERS, ProducerConfig.ACKS_CONFIG, "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new StringSerializer(), new ByteArraySerializer());
    private static final EventCodec CODEC = new EventCodec();
    private static final EventPublisher PUBLISHER = new KafkaEventPublisher(new KafkaTemplate<>(PRODUCERS), CODEC,
            "kpi-service", Duration.ofSeconds(30), new SimpleMeterRegistry());
    private static final AtomicInteger SCENARIOS = new AtomicInteger();
    private static final String GROUP = "ledger-it";

    @AfterAll
    static void close() {
        PRODUCERS.destroy();
        MONGO.close();
    }

    @Test
    void shouldEndAsTheReferenceWithoutCrashes() {
        Outcome outcome = run(Crashes.none(), false);

        assertThat(outcome.run().instancesStarted()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Step.class)
    void shouldEndAsTheReferenceWhenKilledAfterAStep(Step step) {
        Crashes crashes = Crashes.after(step.name(), 2, 5);

        Outcome outcome = run(crashes, false);

        assertThat(outcome.run().crashes()).as("every planned crash happened").isEqualTo(2);
        assertThat(outcome.run().instancesStarted()).isEqualTo(3);
    }

    @Test
    void shouldEndAsTheReferenceWhenTwoConsumersRaceOnTheSamePartitions() {
        Crashes crashes = Crashes.after(Step.WRITES_PARTIAL.name(), 3).and(Step.JOURNAL_WRITTEN.name(), 4);

        Outcome outcome = run(crashes, true);

        assertThat(outcome.run().crashes()).isEqualTo(2);
        assertThat(outcome.run().instancesStarted()).isEqualTo(4);
    }

    private record Outcome(CrashHarness.Run run, ActivityStream stream) {
    }

    private Outcome run(Crashes crashes, boolean race) {
        String name = "ledger-it-" + SCENARIOS.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 6);
        ActivityStream stream = new ActivityStream(name + ":", 42 + SCENARIOS.get(), 60, 30, !race);
        CrashHarness harness = CrashHarness.onNewTopic(BROKERS, name, 3, 25);
        harness.produce(stream.records);
        MongoDatabase database = MONGO.getDatabase(name);
        Topic<ActivityEvent> topic = new Topic<>(name, "activity-service", "repId", ActivityEvent.class);
        DeadLetters deadLetters = new DeadLetters(PUBLISHER, LedgerCrashIT::createTopic, Clock.systemUTC());
        LedgerProperties properties = new LedgerProperties(7, 3, null, null, null, null, null);
        Function<Crashes, CrashHarness.ConsumerUnderTest> start = plan -> {
            Ledger<ActivityEvent> ledger = Ledgers.create(database, CODEC, PUBLISHER, deadLetters, properties,
                    new SimpleMeterRegistry(), (consumer, tp, step) -> plan.reached(step.name()), Clock.systemUTC())
                    .ledger(GROUP, topic, new DealTotals());
            return records -> ledger.process(records.stream().map(RawRecord::from).toList());
        };
        CrashHarness.Run run;
        try (EventTap<KpiEvent> tap = EventTap.tail(BROKERS, Topics.KPI_CHANGES)) {
            run = race ? harness.race(GROUP, crashes, start) : harness.consume(GROUP, crashes, start);

            assertTotals(database, stream);
            assertDerivedEventsOnceEach(tap, stream, name);
        }
        assertDeadLetters(DeadLetters.topicOf(name, GROUP), stream);
        return new Outcome(run, stream);
    }

    private static void assertTotals(MongoDatabase database, ActivityStream stream) {
        Map<String, ActivityStream.Totals> stored = new HashMap<>();
        for (Document rep : database.getCollection(DealTotals.REPS).find()) {
            stored.put(rep.getString("_id"), new ActivityStream.Totals(number(rep, "deals"), decimal(rep, "revenue"),
                    number(rep, "calls")));
        }
        assertThat(stored).as("per-rep totals").hasSameSizeAs(stream.repTotals());
        stream.repTotals().forEach((rep, expected) -> {
            ActivityStream.Totals actual = stored.get(rep);
            assertThat(actual.deals()).as(rep + " deals").isEqualTo(expected.deals());
            assertThat(actual.calls()).as(rep + " calls").isEqualTo(expected.calls());
            assertThat(actual.revenue()).as(rep + " revenue").isEqualByComparingTo(expected.revenue());
        });
        Map<String, Long> days = new HashMap<>();
        database.getCollection(DealTotals.DAYS).find().forEach(day -> days.put(day.getString("_id"), number(day, "deals")));
        assertThat(days).as("per-rep, per-day deals").isEqualTo(stream.dayDeals());
    }

    private static void assertDerivedEventsOnceEach(EventTap<KpiEvent> tap, ActivityStream stream, String name) {
        Map<UUID, String> expected = stream.milestones();
        List<EventTap.Received<KpiEvent>> received = tap.awaitUntil(all -> ids(all, name).containsAll(expected.keySet()),
                Duration.ofSeconds(30));
        received = tap.drain(Duration.ofMillis(500));
        assertThat(ids(received, name)).as("derived events by id").isEqualTo(expected.keySet());
        Map<UUID, Set<String>> payloads = received.stream().filter(r -> r.key().startsWith("REP:" + name))
                .collect(Collectors.groupingBy(r -> r.envelope().eventId(),
                        Collectors.mapping(r -> r.payload().toString(), Collectors.toSet())));
        assertThat(payloads.values()).as("a repeated derived event is the same event").allMatch(set -> set.size() == 1);
    }

    private static Set<UUID> ids(List<EventTap.Received<KpiEvent>> received, String name) {
        return received.stream().filter(r -> r.key().startsWith("REP:" + name)).map(r -> r.envelope().eventId())
                .collect(Collectors.toSet());
    }

    private static void assertDeadLetters(String deadLetterTopic, ActivityStream stream) {
        Set<String> offsets = new HashSet<>();
        Set<String> reasons = new HashSet<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, BROKERS, ConsumerConfig.GROUP_ID_CONFIG, "dlq-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(deadLetterTopic));
            long deadline = System.currentTimeMillis() + 30_000;
            while (offsets.size() < stream.poison && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    offsets.add(header(record, DeadLetters.ORIGINAL_PARTITION) + ":" + header(record, DeadLetters.ORIGINAL_OFFSET));
                    reasons.add(header(record, DeadLetters.REASON).split(":")[0]);
                }
            }
        }
        assertThat(offsets).as("each bad record dead-lettered, with where it came from").hasSize(stream.poison);
        assertThat(reasons).containsExactlyInAnyOrder("undecodable", "not applicable");
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static void createTopic(String name) {
        try (AdminClient admin = AdminClient.create(Map.of("bootstrap.servers", BROKERS))) {
            admin.createTopics(List.of(new NewTopic(name, 1, (short) 1))).all().get();
        } catch (Exception e) {
            if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static long number(Document document, String field) {
        Object value = document.get(field);
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static BigDecimal decimal(Document document, String field) {
        BigDecimal value = Doc.toDecimal(document.get(field));
        return value == null ? BigDecimal.ZERO : value;
    }
}
