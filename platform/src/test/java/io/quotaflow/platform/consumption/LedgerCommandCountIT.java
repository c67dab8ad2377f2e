package io.quotaflow.platform.consumption;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quotaflow.events.EventCodec;
import io.quotaflow.events.EventEnvelope;
import io.quotaflow.events.EventIds;
import io.quotaflow.events.Topic;
import io.quotaflow.events.activity.ActivityEvent;
import io.quotaflow.events.activity.DealClosed;
import io.quotaflow.platform.messaging.EventPublisher;
import io.quotaflow.platform.messaging.KafkaEventPublisher;
import io.quotaflow.testsupport.EmbeddedInfrastructure;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Database work is per chunk, not per event: a MongoDB command listener counts what one chunk costs, and a chunk
 * of 1,000 events costs exactly the commands of a chunk of 10 or 100.
 */
class LedgerCommandCountIT {

    private static final Set<String> HOUSEKEEPING = Set.of("hello", "isMaster", "ismaster", "ping", "endSessions",
            "buildInfo", "saslStart", "saslContinue", "createIndexes", "killCursors");
    private static final Map<String, AtomicInteger> COMMANDS = new ConcurrentHashMap<>();
    private static final MongoClient MONGO = MongoClients.create(MongoClientSettings.builder()
            .applyConnectionString(new ConnectionString(EmbeddedInfrastructure.shared().mongoConnectionString()))
            .addCommandListener(new CommandListener() {
                @Override
                public void commandStarted(CommandStartedEvent event) {
                    if (!HOUSEKEEPING.contains(event.getCommandName())) {
                        COMMANDS.computeIfAbsent(event.getCommandName(), name -> new AtomicInteger()).incrementAndGet();
                    }
                }
            }).build());
    private static final DefaultKafkaProducerFactory<String, byte[]> PRODUCERS = new DefaultKafkaProducerFactory<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedInfrastructure.shared().kafkaBootstrapServers(),
            ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
            new StringSerializer(), new ByteArraySerializer());
    private static final EventCodec CODEC = new EventCodec();
    private static final EventPublisher PUBLISHER = new KafkaEventPublisher(new KafkaTemplate<>(PRODUCERS), CODEC,
            "kpi-service", Duration.ofSeconds(30), new SimpleMeterRegistry());
    private static final Topic<ActivityEvent> TOPIC =
            new Topic<>("command-count", "activity-service", "repId", ActivityEvent.class);

    @AfterAll
    static void close() {
        PRODUCERS.destroy();
        MONGO.close();
    }

    @Test
    void shouldCostTheSameCommandsForAChunkOfAThousandEventsAsForTen() {
        MongoDatabase database = MONGO.getDatabase("command-count-it");
        Ledger<ActivityEvent> ledger = ledger(database, "command-count",
                new LedgerProperties(1000, 1000, null, null, null, null, null));
        ledger.process(deals("warm-up", 0, 50));

        Map<String, Integer> ten = commandsOf(() -> ledger.process(deals("ten", 50, 10)));
        Map<String, Integer> hundred = commandsOf(() -> ledger.process(deals("hundred", 60, 100)));
        Map<String, Integer> thousand = commandsOf(() -> ledger.process(deals("thousand", 160, 1000)));

        assertThat(thousand).as("commands of a chunk of 1,000 events, by name").isEqualTo(hundred).isEqualTo(ten);
        assertThat(thousand.values().stream().mapToInt(Integer::intValue).sum()).isLessThanOrEqualTo(8);
        assertThat(thousand).as("the checkpoint read once, not again after the chunk advanced it")
                .containsEntry("find", 3).containsEntry("insert", 2).containsEntry("update", 3);
    }

    /**
     * The version cache is bounded; once a chunk writes more documents than it holds, an entry may be evicted
     * between being loaded and being used. Every write must still be applied, once.
     */
    @Test
    void shouldApplyEveryWriteOnceWhenTheDocumentsOutnumberTheVersionCache() {
        MongoDatabase database = MONGO.getDatabase("fence-cache-it");
        Ledger<ActivityEvent> ledger = ledger(database, "fence-cache",
                new LedgerProperties(1000, 1000, 3L, null, null, null, null));

        ledger.process(deals("small", 0, 400));
        ledger.process(deals("small", 0, 400));
        ledger.process(deals("again", 400, 400));

        assertThat(database.getCollection(DealTotals.REPS).countDocuments()).isEqualTo(40);
        assertThat(database.getCollection(DealTotals.REPS).find()).allSatisfy(rep ->
                assertThat(rep.get("deals", Number.class).intValue()).as(rep.getString("_id")).isEqualTo(20));
        assertThat(database.getCollection(DealTotals.DAYS).find().map(day -> day.get("deals", Number.class).intValue())
                .into(new ArrayList<>()).stream().mapToInt(Integer::intValue).sum()).isEqualTo(800);
    }

    private static Ledger<ActivityEvent> ledger(MongoDatabase database, String consumer, LedgerProperties properties) {
        return Ledgers.create(database, CODEC, PUBLISHER, new DeadLetters(PUBLISHER, topic -> {
                }, Clock.systemUTC()), properties, new SimpleMeterRegistry(), Steps.NONE, Clock.systemUTC())
                .ledger(consumer, TOPIC, new DealTotals());
    }

    private static Map<String, Integer> commandsOf(Runnable work) {
        COMMANDS.clear();
        work.run();
        Map<String, Integer> counted = new java.util.TreeMap<>();
        COMMANDS.forEach((name, count) -> counted.put(name, count.get()));
        return counted;
    }

    /** {@code n} deals of 20 new reps over 10 days, at offsets {@code from…}, all on partition 0. */
    private static List<RawRecord> deals(String prefix, long from, int n) {
        List<RawRecord> records = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Instant at = Instant.parse("2026-12-01T02:00:00Z").plus(Duration.ofDays(i % 10));
            DealClosed deal = new DealClosed("api", prefix + "-" + i, prefix + "-r" + (i % 20), "c-1", "d-" + i,
                    new BigDecimal("10.00"), "CNY", null, null, null, null, null, null, null, null, null, at);
            EventEnvelope<DealClosed> envelope = EventEnvelope.of(EventIds.of("api", deal.externalId(), "DEAL_CLOSED"), at,
                    "test", null, deal);
            records.add(new RawRecord(TOPIC.name(), 0, from + i, deal.repId(), CODEC.encode(envelope), Map.of(), 0L));
        }
        return records;
    }
}
