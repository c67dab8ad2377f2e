package io.quotaflow.activity.timeline;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quotaflow.events.EventCodec;
import io.quotaflow.events.EventEnvelope;
import io.quotaflow.events.EventHeaders;
import io.quotaflow.events.EventIds;
import io.quotaflow.events.Topic;
import io.quotaflow.events.activity.ActivityEvent;
import io.quotaflow.events.activity.DealClosed;
import io.quotaflow.events.activity.FollowUpChannel;
import io.quotaflow.events.activity.FollowUpLogged;
import io.quotaflow.platform.consumption.DeadLetters;
import io.quotaflow.platform.consumption.Ledger;
import io.quotaflow.platform.consumption.LedgerProperties;
import io.quotaflow.platform.consumption.Ledgers;
import io.quotaflow.platform.consumption.RawRecord;
import io.quotaflow.platform.consumption.Step;
import io.quotaflow.platform.messaging.EventPublisher;
import io.quotaflow.platform.messaging.KafkaEventPublisher;
import io.quotaflow.testsupport.EmbeddedInfrastructure;
import io.quotaflow.testsupport.crash.CrashHarness;
import io.quotaflow.testsupport.crash.Crashes;
import io.quotaflow.testsupport.property.Draw;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The timeline projection under the platform's crash harness, on the real broker and MongoDB wire protocol: a stream
 * of activities for a few reps and customers, shuffled, with redeliveries and with copies of the same event on other
 * partitions (two copies reach Kafka when a publish is retried), consumed while the consumer is killed after a step of
 * a chunk, or while two consumers race. Each run must end with every activity exactly once in its rep's and its
 * customer's timeline, in the bucket the index names, and counts equal to the de-duplicated input.
 */
class TimelineCrashIT {

    private static final String BROKERS = EmbeddedInfrastructure.shared().kafkaBootstrapServers();
    private static final MongoClient MONGO = MongoClients.create(EmbeddedInfrastructure.shared().mongoConnectionString());
    private static final DefaultKafkaProducerFactory<String, byte[]> PRODUCERS = new DefaultKafkaProducerFactory<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BROKERS, ProducerConfig.ACKS_CONFIG, "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new StringSerializer(), new ByteArraySerializer());
    private static final EventCodec CODEC = new EventCodec();
    private static final EventPublisher PUBLISHER = new KafkaEventPublisher(new KafkaTemplate<>(PRODUCERS), CODEC,
            "activity-service", Duration.ofSeconds(30), new SimpleMeterRegistry());
    private static final JsonMapper JSON = EventCodec.wireConventions(JsonMapper.builder()).build();
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final AtomicInteger SCENARIOS = new AtomicInteger();
    private static final String GROUP = "timeline-crash-it";
    private static final int BUCKET_SIZE = 4;

    @AfterAll
    static void close() {
        PRODUCERS.destroy();
        MONGO.close();
    }

    @Test
    void shouldHoldEveryActivityOnceWithoutCrashes() {
        assertThat(run(Crashes.none(), false).instancesStarted()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(value = Step.class, names = {"MARKERS_WRITTEN", "JOURNAL_WRITTEN", "WRITES_PARTIAL", "CHECKPOINT_ADVANCED"})
    void shouldHoldEveryActivityOnceWhenKilledAfterAStep(Step step) {
        CrashHarness.Run run = run(Crashes.after(step.name(), 2, 4), false);

        assertThat(run.crashes()).as("every planned crash happened").isEqualTo(2);
    }

    @Test
    void shouldHoldEveryActivityOnceWhenTwoConsumersRace() {
        CrashHarness.Run run = run(Crashes.after(Step.WRITES_PARTIAL.name(), 3).and(Step.JOURNAL_WRITTEN.name(), 4), true);

        assertThat(run.crashes()).isEqualTo(2);
    }

    private CrashHarness.Run run(Crashes crashes, boolean race) {
        String name = "timeline-it-" + SCENARIOS.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 6);
        Random random = new Random(7L * SCENARIOS.get());
        List<EventEnvelope<ActivityEvent>> events = events(random, name);
        CrashHarness harness = CrashHarness.onNewTopic(BROKERS, name, 3, 11);
        harness.produce(deliveries(random, events));
        MongoDatabase database = MONGO.getDatabase(name);
        Topic<ActivityEvent> topic = new Topic<>(name, "activity-service", "repId", ActivityEvent.class);
        DeadLetters deadLetters = new DeadLetters(PUBLISHER, dlq -> { }, Clock.systemUTC());
        LedgerProperties properties = new LedgerProperties(7, 3, null, null, null, null, null);
        Function<Crashes, CrashHarness.ConsumerUnderTest> start = plan -> {
            Ledger<ActivityEvent> ledger = Ledgers.create(database, CODEC, PUBLISHER, deadLetters, properties,
                    new SimpleMeterRegistry(), (consumer, tp, step) -> plan.reached(step.name()), Clock.systemUTC())
                    .ledger(GROUP, topic, new Timeline(ZONE, JSON, BUCKET_SIZE));
            return records -> ledger.process(records.stream().map(RawRecord::from).toList());
        };

        CrashHarness.Run run = race ? harness.race(GROUP, crashes, start) : harness.consume(GROUP, crashes, start);

        assertThat(stored(database)).as("every activity once, under each scope and day").isEqualTo(expected(events));
        return run;
    }

    /** 90 activities of 3 reps and 5 customers over 4 days: days of up to 10 per rep, so buckets fill and split. */
    private static List<EventEnvelope<ActivityEvent>> events(Random random, String name) {
        List<EventEnvelope<ActivityEvent>> events = new ArrayList<>();
        for (int i = 0; i < 90; i++) {
            String rep = name + "-r" + random.nextInt(3);
            String customer = random.nextInt(6) == 0 ? null : name + "-c" + random.nextInt(5);
            Instant at = Instant.parse("2027-01-15T02:00:00Z").plus(Duration.ofHours(random.nextInt(96)));
            ActivityEvent event = random.nextBoolean()
                    ? new FollowUpLogged("crm", name + "-" + i, rep, customer, FollowUpChannel.CALL, 60, null, at)
                    : new DealClosed("crm", name + "-" + i, rep, customer, "d-" + i, new BigDecimal("10.00"), "CNY",
                    new BigDecimal("10.00"), "CNY", null, null, null, null, null, null, null, at);
            events.add(EventEnvelope.of(EventIds.of("crm", name + "-" + i, event.type().name()), at,
                    "quotaflow/activity-service", null, event));
        }
        return events;
    }

    /** Each event at least once, some again, in any order; one in ten also as a second copy on another key. */
    private static List<CrashHarness.Input> deliveries(Random random, List<EventEnvelope<ActivityEvent>> events) {
        List<CrashHarness.Input> inputs = new ArrayList<>();
        for (EventEnvelope<ActivityEvent> envelope : Draw.shuffledWithRepeats(random, events)) {
            inputs.add(input(envelope, envelope.subject()));
            if (random.nextInt(10) == 0) {
                inputs.add(input(envelope, envelope.subject() + "-elsewhere"));
            }
        }
        return inputs;
    }

    private static CrashHarness.Input input(EventEnvelope<ActivityEvent> envelope, String key) {
        return new CrashHarness.Input(key, CODEC.encode(envelope), Map.of(EventHeaders.EVENT_ID,
                envelope.eventId().toString(), EventHeaders.EVENT_TYPE, envelope.eventType()));
    }

    /** Scope → day → event ids, from the de-duplicated input. */
    private static Map<String, Map<String, Set<String>>> expected(List<EventEnvelope<ActivityEvent>> events) {
        Map<String, Map<String, Set<String>>> expected = new TreeMap<>();
        for (EventEnvelope<ActivityEvent> envelope : events) {
            ActivityEvent event = envelope.payload();
            String day = event.occurredAt().atZone(ZONE).toLocalDate().toString();
            List<String> scopes = new ArrayList<>(List.of(Timeline.Scope.REP.key(event.repId())));
            if (event.customerId() != null) {
                scopes.add(Timeline.Scope.CUSTOMER.key(event.customerId()));
            }
            for (String scope : scopes) {
                expected.computeIfAbsent(scope, s -> new TreeMap<>()).computeIfAbsent(day, d -> new TreeSet<>())
                        .add(envelope.eventId().toString());
            }
        }
        return expected;
    }

    /**
     * Scope → day → event ids, as the reader finds them: from the index's counts and last bucket. Fails when an
     * activity is stored twice, or when a count disagrees with the activities stored.
     */
    private static Map<String, Map<String, Set<String>>> stored(MongoDatabase database) {
        Map<String, Document> buckets = new HashMap<>();
        database.getCollection(Timeline.ITEMS).find().forEach(bucket -> buckets.put(bucket.getString("_id"), bucket));
        Map<String, Map<String, Set<String>>> stored = new TreeMap<>();
        for (Document index : database.getCollection(Timeline.INDEX).find()) {
            String scope = index.getString("_id");
            index.get("days", Document.class).forEach((day, value) -> {
                Document counters = (Document) value;
                List<String> ids = new ArrayList<>();
                for (long bucket = 0; bucket <= ((Number) counters.get("b")).longValue(); bucket++) {
                    Document items = buckets.get(Timeline.bucketId(scope, LocalDate.parse(day), bucket));
                    if (items != null) {
                        ids.addAll(items.get("e", Document.class).keySet());
                    }
                }
                assertThat(ids).as(scope + " " + day + " stored once each").doesNotHaveDuplicates()
                        .hasSize(((Number) counters.get("n")).intValue());
                stored.computeIfAbsent(scope, s -> new TreeMap<>()).put(day, new TreeSet<>(ids));
            });
        }
        return stored;
    }
}
