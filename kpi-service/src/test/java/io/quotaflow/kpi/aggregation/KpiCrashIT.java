package io.quotaflow.kpi.aggregation;

import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quotaflow.events.DomainEvent;
import io.quotaflow.events.EventCodec;
import io.quotaflow.events.EventEnvelope;
import io.quotaflow.events.Topic;
import io.quotaflow.events.Topics;
import io.quotaflow.events.activity.ActivityEvent;
import io.quotaflow.events.kpi.CustomerDealEvent;
import io.quotaflow.kpi.support.MongoDatabases;
import io.quotaflow.kpi.support.RandomActivity;
import io.quotaflow.kpi.support.ReferenceFigures;
import io.quotaflow.kpi.support.Stored;
import io.quotaflow.platform.consumption.DeadLetters;
import io.quotaflow.platform.consumption.Ledger;
import io.quotaflow.platform.consumption.LedgerProperties;
import io.quotaflow.platform.consumption.Ledgers;
import io.quotaflow.platform.consumption.Projection;
import io.quotaflow.platform.consumption.RawRecord;
import io.quotaflow.platform.consumption.Step;
import io.quotaflow.platform.messaging.EventPublisher;
import io.quotaflow.platform.messaging.KafkaEventPublisher;
import io.quotaflow.testsupport.EmbeddedInfrastructure;
import io.quotaflow.testsupport.crash.CrashHarness;
import io.quotaflow.testsupport.crash.Crashes;
import io.quotaflow.testsupport.property.Draw;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kill kpi-service mid-stream, after every step of a chunk, and restart it: the real broker, the real MongoDB wire
 * protocol, the crash harness (a kill is a dead process — nothing after the step runs, nothing is committed — and a
 * restart a new process that carries on from the committed offsets). A month of activity with duplicates goes through
 * the activity ledger; what it derives on kpi-service's customer-keyed topic goes, as the broker keeps it, through the
 * customer ledger, killed and restarted too, or raced by a second instance. The figures end exactly as the plain
 * computation over the de-duplicated events says.
 */
class KpiCrashIT {

    private static final String BROKERS = EmbeddedInfrastructure.shared().kafkaBootstrapServers();
    private static final EventCodec CODEC = new EventCodec();
    private static final DefaultKafkaProducerFactory<String, byte[]> PRODUCERS = new DefaultKafkaProducerFactory<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BROKERS, ProducerConfig.ACKS_CONFIG, "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new StringSerializer(), new ByteArraySerializer());
    private static final EventPublisher PUBLISHER = new KafkaEventPublisher(new KafkaTemplate<>(PRODUCERS), CODEC,
            "kpi-service", Duration.ofSeconds(30), new SimpleMeterRegistry());
    private static final LedgerProperties PROPERTIES = new LedgerProperties(7, 3, null, null, null, null, null);

    @AfterAll
    static void close() {
        PRODUCERS.destroy();
    }

    @Test
    void shouldEndWithTheSameFiguresWhenKilledAfterEveryStepAndRestarted() {
        Crashes activityCrashes = Crashes.after(Step.MARKERS_WRITTEN.name(), 2).and(Step.JOURNAL_WRITTEN.name(), 4)
                .and(Step.WRITES_PARTIAL.name(), 3).and(Step.WRITES_APPLIED.name(), 7)
                .and(Step.EVENTS_PUBLISHED.name(), 9).and(Step.CHECKPOINT_ADVANCED.name(), 11);
        Crashes customerCrashes = Crashes.after(Step.JOURNAL_WRITTEN.name(), 1).and(Step.WRITES_APPLIED.name(), 2)
                .and(Step.EVENTS_PUBLISHED.name(), 2);

        Run run = run(activityCrashes, customerCrashes, false, 11);

        assertThat(activityCrashes.crashed()).as("every planned kill of the activity consumer happened")
                .isEqualTo(activityCrashes.planned());
        assertThat(customerCrashes.crashed()).isEqualTo(customerCrashes.planned());
        assertThat(run.activities().instancesStarted()).isEqualTo(activityCrashes.planned() + 1);
    }

    @Test
    void shouldEndWithTheSameFiguresWhenTwoInstancesRaceOnTheSamePartitions() {
        Run run = run(Crashes.after(Step.WRITES_PARTIAL.name(), 2).and(Step.JOURNAL_WRITTEN.name(), 5),
                Crashes.after(Step.JOURNAL_WRITTEN.name(), 2), true, 12);

        assertThat(run.activities().instancesStarted()).isGreaterThanOrEqualTo(4);
    }

    private record Run(CrashHarness.Run activities, CrashHarness.Run customers) {
    }

    private Run run(Crashes activityCrashes, Crashes customerCrashes, boolean race, long seed) {
        MongoDatabase database = MongoDatabases.fresh("kpi-crash");
        String name = database.getName();
        Random random = new Random(seed);
        List<EventEnvelope<ActivityEvent>> events = RandomActivity.draw(random, name, 60, 15);
        List<EventEnvelope<ActivityEvent>> delivered = Draw.shuffledWithRepeats(random, events);
        Projections projections = io.quotaflow.kpi.support.LedgerPipeline.projections(RandomActivity.org());
        try {
            CrashHarness activities = CrashHarness.onNewTopic(BROKERS, name + "-activities", 3, 25);
            activities.produce(delivered.stream().map(envelope -> new CrashHarness.Input(envelope.subject(),
                    CODEC.encode(envelope), Map.of())).toList());
            Topic<ActivityEvent> activityTopic = new Topic<>(activities.topic(), "activity-service", "repId",
                    ActivityEvent.class);
            CrashHarness.Run activityRun = consume(activities, race, activityCrashes,
                    consumer(database, activityTopic, projections.activities()));

            CrashHarness customers = CrashHarness.onNewTopic(BROKERS, name + "-customers", 2, 25);
            customers.produce(derivedFor(name));
            Topic<CustomerDealEvent> customerTopic = new Topic<>(customers.topic(), "kpi-service", "customerId",
                    CustomerDealEvent.class);
            CrashHarness.Run customerRun = consume(customers, race, customerCrashes,
                    consumer(database, customerTopic, projections.customers()));

            Map<String, Map<String, BigDecimal>> expected = ReferenceFigures.of(events, RandomActivity.org());
            assertThat(Stored.difference(Stored.months(database), Stored.plain(expected)))
                    .as("paths of the month documents that differ from the reference").isEmpty();
            assertThat(Stored.difference(Stored.actuals(database), Stored.plain(Stored.actualsOf(expected))))
                    .as("month actuals that differ").isEmpty();
            return new Run(activityRun, customerRun);
        } finally {
            database.drop();
        }
    }

    private static CrashHarness.Run consume(CrashHarness harness, boolean race, Crashes crashes,
                                            Function<Crashes, CrashHarness.ConsumerUnderTest> start) {
        return race ? harness.race("kpi-service", crashes, start) : harness.consume("kpi-service", crashes, start);
    }

    /** One process of the consumer: its own ledgers (cold caches), dying after the steps the plan names. */
    private static <E extends DomainEvent> Function<Crashes, CrashHarness.ConsumerUnderTest> consumer(
            MongoDatabase database, Topic<E> topic, Projection<E> projection) {
        return plan -> {
            Ledger<E> ledger = Ledgers.create(database, CODEC, PUBLISHER, new DeadLetters(PUBLISHER, t -> {
                    }, Clock.systemUTC()), PROPERTIES, new SimpleMeterRegistry(),
                    (consumer, tp, step) -> plan.reached(step.name()), Clock.systemUTC())
                    .ledger("kpi-service", topic, projection);
            return records -> ledger.process(records.stream().map(RawRecord::from).toList());
        };
    }

    /**
     * What the activity consumers published on kpi-service's customer-keyed topic for this run's customers, in the
     * order the broker keeps it, repeats included (to be consumed from a topic of the run's own).
     */
    private static List<CrashHarness.Input> derivedFor(String prefix) {
        List<CrashHarness.Input> derived = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, BROKERS, ConsumerConfig.GROUP_ID_CONFIG, prefix + "-reader",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.KPI_CUSTOMER_DEALS.name()).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.currentTimeMillis() + 60_000;
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (System.currentTimeMillis() > deadline) {
                    throw new AssertionError("could not read " + Topics.KPI_CUSTOMER_DEALS.name());
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.key() != null && record.key().startsWith(prefix + "-")) {
                        derived.add(new CrashHarness.Input(record.key(), record.value(), Map.of()));
                    }
                }
            }
        }
        assertThat(derived).as("the activity consumer derived customer deals").isNotEmpty();
        return derived;
    }
}
