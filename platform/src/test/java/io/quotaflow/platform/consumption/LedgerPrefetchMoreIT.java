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
import io.quotaflow.events.activity.DealCancelled;
import io.quotaflow.testsupport.EmbeddedInfrastructure;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A projection names, after its first prefetch, documents that only the prefetched ones tell it about (here: the
 * month a cancelled deal was won in, read from the deal); they arrive loaded, readable, in the same chunk. It is
 * asked again while it names documents not read yet, within a bound.
 */
class LedgerPrefetchMoreIT {

    private static final MongoClient MONGO = MongoClients.create(EmbeddedInfrastructure.shared().mongoConnectionString());
    private static final EventCodec CODEC = new EventCodec();
    private static final Topic<ActivityEvent> TOPIC = new Topic<>("prefetch-more", "activity-service", "repId",
            ActivityEvent.class);

    @AfterAll
    static void close() {
        MONGO.close();
    }

    @Test
    void shouldLoadTheDocumentsNamedByThoseAlreadyPrefetched() {
        MongoDatabase database = MONGO.getDatabase("prefetch-more-it");
        // as the ledger left them: with a version
        database.getCollection("deals").insertOne(new Document("_id", "d-1").append("month", "r-1|2026-11")
                .append("v", 1L));
        database.getCollection("months").insertOne(new Document("_id", "r-1|2026-11").append("deals", 3L)
                .append("v", 1L));
        List<String> seen = new ArrayList<>();
        Projection<ActivityEvent> cancellations = new Projection<>() {
            @Override
            public Set<String> collections() {
                return Set.of("deals", "months");
            }

            @Override
            public void prefetch(List<Delivery<ActivityEvent>> deliveries, Prefetch prefetch) {
                deliveries.forEach(d -> prefetch.need("deals", ((DealCancelled) d.payload()).dealId()));
            }

            @Override
            public void prefetchMore(List<Delivery<ActivityEvent>> deliveries, Prefetched prefetched, Prefetch more) {
                deliveries.forEach(d -> prefetched.document("deals", ((DealCancelled) d.payload()).dealId())
                        .ifPresent(deal -> more.need("months", deal.getString("month"))));
            }

            @Override
            public void apply(Delivery<ActivityEvent> delivery, Batch batch) {
                String month = batch.doc("deals", ((DealCancelled) delivery.payload()).dealId()).string("month");
                Doc months = batch.doc("months", month);
                seen.add(month + " loaded=" + months.loaded() + " deals=" + months.count("deals"));
                months.inc("deals", -1);
            }
        };
        Ledger<ActivityEvent> ledger = ledger(database, cancellations);

        ledger.process(List.of(cancellation("d-1", 0)));

        assertThat(seen).containsExactly("r-1|2026-11 loaded=true deals=3");
        assertThat(database.getCollection("months").find(new Document("_id", "r-1|2026-11")).first().get("deals"))
                .isEqualTo(2L);
    }

    @Test
    void shouldCallPrefetchMoreAgainWhileItNamesDocumentsNotReadYet() {
        MongoDatabase database = MONGO.getDatabase("prefetch-rounds-it");
        database.getCollection("deals").insertOne(new Document("_id", "d-2").append("contract", "k-7").append("v", 1L));
        database.getCollection("contracts").insertOne(new Document("_id", "k-7").append("month", "r-1|2026-10")
                .append("v", 1L));
        database.getCollection("months").insertOne(new Document("_id", "r-1|2026-10").append("deals", 5L)
                .append("v", 1L));
        List<Integer> rounds = new ArrayList<>();
        Projection<ActivityEvent> chained = new Projection<>() {
            @Override
            public Set<String> collections() {
                return Set.of("deals", "contracts", "months");
            }

            @Override
            public void prefetch(List<Delivery<ActivityEvent>> deliveries, Prefetch prefetch) {
                deliveries.forEach(d -> prefetch.need("deals", ((DealCancelled) d.payload()).dealId()));
            }

            /** The deal names its contract, the contract its month: two rounds that name something, one that does not. */
            @Override
            public void prefetchMore(List<Delivery<ActivityEvent>> deliveries, Prefetched prefetched, Prefetch more) {
                rounds.add(rounds.size() + 1);
                deliveries.forEach(d -> prefetched.document("deals", ((DealCancelled) d.payload()).dealId())
                        .ifPresent(deal -> {
                            more.need("contracts", deal.getString("contract"));
                            prefetched.document("contracts", deal.getString("contract"))
                                    .ifPresent(contract -> more.need("months", contract.getString("month")));
                        }));
            }

            @Override
            public void apply(Delivery<ActivityEvent> delivery, Batch batch) {
                String contract = batch.doc("deals", ((DealCancelled) delivery.payload()).dealId()).string("contract");
                batch.doc("months", batch.doc("contracts", contract).string("month")).inc("deals", -1);
            }
        };
        Ledger<ActivityEvent> ledger = ledger(database, chained);

        ledger.process(List.of(cancellation("d-2", 0)));

        assertThat(rounds).containsExactly(1, 2, 3);
        assertThat(database.getCollection("months").find(new Document("_id", "r-1|2026-10")).first().get("deals"))
                .isEqualTo(4L);
    }

    @Test
    void shouldStopAProjectionThatNeverStopsNamingDocumentsAndApplyNothing() {
        MongoDatabase database = MONGO.getDatabase("prefetch-runaway-it");
        Projection<ActivityEvent> runaway = new Projection<>() {
            private int named;

            @Override
            public Set<String> collections() {
                return Set.of("months");
            }

            @Override
            public void prefetchMore(List<Delivery<ActivityEvent>> deliveries, Prefetched prefetched, Prefetch more) {
                more.need("months", "m-" + named++);
            }

            @Override
            public void apply(Delivery<ActivityEvent> delivery, Batch batch) {
                batch.doc("months", "m-0").inc("deals", 1);
            }
        };
        Ledger<ActivityEvent> ledger = ledger(database, runaway);

        assertThatThrownBy(() -> ledger.process(List.of(cancellation("d-3", 0))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("16 rounds");
        assertThat(database.getCollection("months").countDocuments()).isZero();
    }

    private static Ledger<ActivityEvent> ledger(MongoDatabase database, Projection<ActivityEvent> projection) {
        return Ledgers.create(database, CODEC, new NoEvents(), new DeadLetters(new NoEvents(), topic -> {
                }, Clock.systemUTC()), new LedgerProperties(100, 100, null, null, null, null, null),
                new SimpleMeterRegistry(), Steps.NONE, Clock.systemUTC()).ledger("prefetch-more", TOPIC, projection);
    }

    private static RawRecord cancellation(String dealId, long offset) {
        Instant at = Instant.parse("2026-12-02T02:00:00Z");
        DealCancelled cancelled = new DealCancelled("api", "x-" + dealId, "r-1", "c-1", dealId, "withdrawn", at);
        EventEnvelope<DealCancelled> envelope = EventEnvelope.of(EventIds.of("api", "x-" + dealId), at, "test", null,
                cancelled);
        return new RawRecord(TOPIC.name(), 0, offset, "r-1", CODEC.encode(envelope), Map.of(), 0L);
    }
}
