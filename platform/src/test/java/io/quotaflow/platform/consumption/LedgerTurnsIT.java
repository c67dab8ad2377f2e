package io.quotaflow.platform.consumption;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quotaflow.events.EventCodec;
import io.quotaflow.events.EventEnvelope;
import io.quotaflow.events.EventIds;
import io.quotaflow.events.Topic;
import io.quotaflow.events.activity.ActivityEvent;
import io.quotaflow.events.activity.DealClosed;
import io.quotaflow.testsupport.EmbeddedInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ledgers whose projections share documents take turns chunk by chunk: each chunk holds the turns from its checkpoint
 * to its advance, and lets go in between, so another ledger's chunk may run between two chunks of one poll.
 */
class LedgerTurnsIT {

    private static final MongoClient MONGO = MongoClients.create(EmbeddedInfrastructure.shared().mongoConnectionString());
    private static final EventCodec CODEC = new EventCodec();
    private static final Topic<ActivityEvent> TOPIC = new Topic<>("ledger-turns", "activity-service", "repId",
            ActivityEvent.class);

    @AfterAll
    static void close() {
        MONGO.close();
    }

    @Test
    void shouldHoldTheTurnsForEachChunkFromItsCheckpointToItsAdvanceAndLetGoBetweenChunks() {
        MongoDatabase database = MONGO.getDatabase("ledger-turns-it");
        CountingLock turns = new CountingLock();
        List<String> steps = new ArrayList<>();
        Steps heard = (consumer, topicPartition, step) ->
                steps.add(topicPartition + " " + step + (turns.isHeldByCurrentThread() ? " held" : " free"));
        Ledger<ActivityEvent> ledger = Ledgers.create(database, CODEC, new NoEvents(),
                new DeadLetters(new NoEvents(), topic -> {
                }, Clock.systemUTC()), new LedgerProperties(2, 100, null, null, null, null, null),
                new SimpleMeterRegistry(), heard, Clock.systemUTC()).ledger("ledger-turns", TOPIC, new DealTotals(), turns);

        // three records of partition 0 (two chunks of two and one) and one of partition 1
        ledger.process(List.of(deal(0, 0), deal(0, 1), deal(1, 0), deal(0, 2)));

        assertThat(turns.taken).as("one turn per chunk").isEqualTo(3);
        assertThat(turns.isLocked()).as("no turn kept after the poll").isFalse();
        assertThat(steps).isNotEmpty().allSatisfy(step -> assertThat(step).endsWith(" held"));
        assertThat(steps).filteredOn(step -> step.contains("CHECKPOINT_ADVANCED")).hasSize(3);
    }

    /** A fair lock that counts how often it was taken. */
    private static final class CountingLock extends ReentrantLock {
        int taken;

        CountingLock() {
            super(true);
        }

        @Override
        public void lock() {
            super.lock();
            taken++;
        }
    }

    private static RawRecord deal(int partition, long offset) {
        Instant at = Instant.parse("2026-12-02T02:00:00Z");
        String id = "turns-" + partition + "-" + offset;
        DealClosed deal = new DealClosed("api", id, "r-1", "c-1", "d-" + id, new BigDecimal("10.00"), "CNY", null, null,
                null, null, null, null, null, null, null, at);
        EventEnvelope<DealClosed> envelope = EventEnvelope.of(EventIds.of("api", id), at, "test", null, deal);
        return new RawRecord(TOPIC.name(), partition, offset, "r-1", CODEC.encode(envelope), Map.of(), 0L);
    }
}
