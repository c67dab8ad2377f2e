package io.quotaflow.platform.consumption;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.quotaflow.platform.messaging.OutgoingRecord;
import io.quotaflow.testsupport.EmbeddedInfrastructure;
import org.bson.BsonMaximumSizeExceededException;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A journal entry as the database keeps it: its writes and events in one binary, read back whole; entries stored
 * before (writes and events as fields) still read; one past MongoDB's document size refused, so that the ledger
 * halves its chunk.
 */
class LedgerJournalIT {

    private static final MongoClient MONGO = MongoClients.create(EmbeddedInfrastructure.shared().mongoConnectionString());
    private static final Instant AT = Instant.parse("2027-01-19T08:00:00Z");

    private final MongoDatabase database = MONGO.getDatabase("journal-it-" + UUID.randomUUID().toString().substring(0, 6));
    private final LedgerStore store = new LedgerStore(database, Clock.systemUTC(), 100, 1000);

    @AfterAll
    static void close() {
        MONGO.close();
    }

    @Test
    void shouldKeepAnEntrysWritesAndEventsAsOneBinaryAndReadThemBackWhole() {
        JournalEntry entry = entry("kpi-service", List.of(new JournalEntry.Write("kpi_months", "REP:r-1|2027-01",
                new Document("$inc", new Document("d.19.revenue", new Decimal128(new BigDecimal("88000.50")))
                        .append("d.19.deals", 1L)).append("$max", new Document("last", Date.from(AT))))),
                List.of(new OutgoingRecord("kpi-events", "r-1", new byte[]{1, 2, 3},
                        Map.of("correlation-id", "c-1"))));

        assertThat(store.claim(entry)).isTrue();
        Document stored = database.getCollection(LedgerStore.JOURNAL).find(new Document("_id", entry.id())).first();
        JournalEntry read = store.journal(entry.id()).orElseThrow();

        assertThat(stored.keySet()).containsExactlyInAnyOrder("_id", "consumer", "tp", "from", "to", "p", "owner", "at");
        assertThat(stored.get("p")).isInstanceOf(Binary.class);
        assertThat(read.writes()).isEqualTo(entry.writes());
        assertThat(read.events()).singleElement().satisfies(event -> {
            assertThat(event.topic()).isEqualTo("kpi-events");
            assertThat(event.value()).containsExactly(1, 2, 3);
            assertThat(event.headers()).containsEntry("correlation-id", "c-1");
        });
        assertThat(List.of(read.consumer(), read.topicPartition(), read.from(), read.to(), read.at()))
                .isEqualTo(List.of(entry.consumer(), entry.topicPartition(), entry.from(), entry.to(), entry.at()));
        assertThat(store.claim(entry)).as("claimed once").isFalse();
    }

    @Test
    void shouldReadAnEntryStoredWithItsWritesAndEventsAsFields() {
        Document update = new Document("$inc", new Document("calls", 1L));
        Map<String, Object> headers = new LinkedHashMap<>(Map.of("correlation-id", "c-2"));
        database.getCollection(LedgerStore.JOURNAL).insertOne(new Document("_id", "legacy|sales-activities-0|5")
                .append("consumer", "legacy").append("tp", "sales-activities-0").append("from", 5L).append("to", 9L)
                .append("writes", List.of(new Document("c", "reps").append("id", "r-1").append("u", update)))
                .append("events", List.of(new Document("topic", "kpi-events").append("key", "r-1")
                        .append("value", new Binary(new byte[]{7})).append("headers", new Document(headers))))
                .append("owner", "o-1").append("at", Date.from(AT)));

        JournalEntry read = store.journal("legacy|sales-activities-0|5").orElseThrow();

        assertThat(read.writes()).containsExactly(new JournalEntry.Write("reps", "r-1", update));
        assertThat(read.events()).singleElement().satisfies(event -> assertThat(event.value()).containsExactly(7));
        assertThat(read.to()).isEqualTo(9L);
        assertThat(read.at()).isEqualTo(AT);
    }

    @Test
    void shouldRefuseAnEntryLargerThanADocumentMayBe() {
        String large = "x".repeat(1 << 20);
        List<JournalEntry.Write> writes = java.util.stream.IntStream.range(0, 17).mapToObj(i -> new JournalEntry.Write(
                "timeline_items", "b-" + i, new Document("$set", new Document("e.x", large)))).toList();

        assertThrows(BsonMaximumSizeExceededException.class, () -> store.claim(entry("big", writes, List.of())));
        assertThat(database.getCollection(LedgerStore.JOURNAL).countDocuments()).isZero();
    }

    private static JournalEntry entry(String consumer, List<JournalEntry.Write> writes, List<OutgoingRecord> events) {
        return new JournalEntry(consumer, "sales-activities-3", 100, 149, writes, events, "owner-1", AT);
    }
}
