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
import io.quotaflow.events.activity.FollowUpChannel;
import io.quotaflow.events.activity.FollowUpLogged;
import io.quotaflow.platform.messaging.EventPublisher;
import io.quotaflow.platform.messaging.OutgoingRecord;
import io.quotaflow.testsupport.EmbeddedInfrastructure;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Event-id markers and journal entries expire: a duplicate within the retention is recognised, one after it is
 * counted again (CRMs retry for 24 hours; the default retention is 7 days), and the collections do not grow
 * forever. On the embedded MongoDB, which has no TTL indexes, the purge does it.
 */
class LedgerRetentionIT {

    private static final MongoClient MONGO = MongoClients.create(EmbeddedInfrastructure.shared().mongoConnectionString());
    private static final Topic<ActivityEvent> TOPIC = new Topic<>("retention", "activity-service", "repId",
            ActivityEvent.class);
    private static final EventCodec CODEC = new EventCodec();

    @AfterAll
    static void close() {
        MONGO.close();
    }

    @Test
    void shouldForgetMarkersAndJournalEntriesOnlyAfterTheirRetention() {
        MongoDatabase database = MONGO.getDatabase("retention-it-" + UUID.randomUUID().toString().substring(0, 6));
        Instant start = Instant.parse("2026-12-01T00:00:00Z");
        MutableClock clock = new MutableClock(start);
        LedgerProperties properties = new LedgerProperties(100, 100, null, Duration.ofDays(7), Duration.ofDays(1),
                null, null);
        Ledgers ledgers = Ledgers.create(database, CODEC, new NoEvents(), new DeadLetters(new NoEvents(), topic -> {
        }, clock), properties, new SimpleMeterRegistry(), Steps.NONE, clock);
        Ledger<ActivityEvent> ledger = ledgers.ledger("retention", TOPIC, new DealTotals());
        LedgerMaintenance maintenance = new LedgerMaintenance(ledgers, properties, clock);
        byte[] call = CODEC.encode(call("r-1"));

        ledger.process(List.of(record(0, call)));
        clock.now = start.plus(Duration.ofDays(2));
        assertThat(maintenance.purge()).as("the journal entry, a day old").isEqualTo(1);
        ledger.process(List.of(record(1, call)));
        assertThat(calls(database)).as("a duplicate two days later is still recognised").isEqualTo(1);

        clock.now = start.plus(Duration.ofDays(8));
        assertThat(maintenance.purge()).as("the marker, now 8 days old, and the second entry").isEqualTo(2);
        assertThat(database.getCollection(LedgerStore.seenCollection("retention")).countDocuments()).isZero();
        ledger.process(List.of(record(2, call)));
        assertThat(calls(database)).as("a copy after the retention is counted again, as documented").isEqualTo(2);
    }

    private static long calls(MongoDatabase database) {
        Document rep = database.getCollection(DealTotals.REPS).find(new Document("_id", "r-1")).first();
        return rep == null ? 0 : ((Number) rep.get("calls")).longValue();
    }

    private static RawRecord record(long offset, byte[] value) {
        return new RawRecord(TOPIC.name(), 0, offset, "r-1", value, Map.of(), 0L);
    }

    private static EventEnvelope<ActivityEvent> call(String rep) {
        FollowUpLogged call = new FollowUpLogged("api", "call-1", rep, "c-1", FollowUpChannel.CALL, 60, null,
                Instant.parse("2026-12-01T02:00:00Z"));
        return EventEnvelope.of(EventIds.of("api", "call-1", "FOLLOW_UP_LOGGED"), call.occurredAt(), "test", null, call);
    }

    /** A clock the test moves forward. */
    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** The projection derives no events from calls; nothing is sent. */
    private static final class NoEvents implements EventPublisher {
        @Override
        public <E extends io.quotaflow.events.DomainEvent> EventEnvelope<E> envelope(UUID id, Instant at, E payload) {
            throw new UnsupportedOperationException();
        }

        @Override
        public OutgoingRecord encode(EventEnvelope<?> envelope) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void publishEncoded(List<OutgoingRecord> records) {
            assertThat(records).isEmpty();
        }
    }
}
