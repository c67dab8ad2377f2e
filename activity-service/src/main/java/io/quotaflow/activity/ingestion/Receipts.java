package io.quotaflow.activity.ingestion;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One receipt per event id ingested (collection {@code activity_receipts}), so that a retry is answered
 * {@code "duplicate": true} and not published again. Written before publishing, as {@code pending}, and marked
 * {@code published} once Kafka acknowledged: a receipt left pending (the publish failed, or the process died before
 * the mark) is published again by the next attempt, so an event is never lost for a receipt; at worst Kafka holds
 * two copies, which every consumer drops by event id.
 *
 * <p>Work is per request, never per activity: one insert of all receipts (the unique {@code _id} tells which
 * existed), a read only of those that did, one bulk update to mark them.
 */
@Component
class Receipts {

    static final String COLLECTION = "activity_receipts";
    private static final int DUPLICATE_KEY = 11000;
    private static final String STATE = "s";
    private static final String AT = "at";
    private static final Bson PUBLISH = Updates.set(STATE, State.PUBLISHED.name());
    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);

    /** Whether an earlier attempt got its event acknowledged. */
    enum State { PENDING, PUBLISHED }

    private static final Logger log = LoggerFactory.getLogger(Receipts.class);

    private final MongoTemplate mongo;
    private final Duration retention;
    private final Clock wallClock = Clock.systemUTC();

    Receipts(MongoTemplate mongo, IngestionProperties properties) {
        this.mongo = mongo;
        this.retention = properties.receiptRetention();
        // A real MongoDB expires receipts itself; the embedded one ignores TTL indexes (see purge).
        collection().createIndex(Indexes.ascending(AT), new IndexOptions().name("receipts_ttl")
                .expireAfter(properties.receiptRetention().toSeconds(), TimeUnit.SECONDS));
    }

    /**
     * Records a pending receipt for each id that has none; answers the ids that had one, with its state. One insert,
     * and one read when some existed.
     */
    Map<String, State> claim(Collection<String> eventIds) {
        if (eventIds.isEmpty()) {
            return Map.of();
        }
        List<String> ids = new ArrayList<>(eventIds);
        Date now = Date.from(wallClock.instant());
        List<Document> receipts = new ArrayList<>(ids.size());
        for (String id : ids) {
            receipts.add(new Document("_id", id).append(STATE, State.PENDING.name()).append(AT, now));
        }
        List<String> existing = new ArrayList<>();
        try {
            collection().insertMany(receipts, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (error.getCode() != DUPLICATE_KEY) {
                    throw e;
                }
                existing.add(ids.get(error.getIndex()));
            }
        }
        if (existing.isEmpty()) {
            return Map.of();
        }
        Map<String, State> states = new HashMap<>();
        existing.forEach(id -> states.put(id, State.PENDING));
        for (Document receipt : collection().find(Filters.in("_id", existing)).batchSize(existing.size() + 1)) {
            states.put(receipt.getString("_id"), State.valueOf(receipt.getString(STATE)));
        }
        return states;
    }

    /**
     * Marks the receipts of acknowledged events as published (one bulk command of updates by {@code _id}: on the
     * embedded MongoDB several times faster than one update of {@code _id $in}).
     */
    void confirm(Collection<String> eventIds) {
        if (eventIds.isEmpty()) {
            return;
        }
        List<UpdateOneModel<Document>> updates = new ArrayList<>(eventIds.size());
        for (String id : eventIds) {
            updates.add(new UpdateOneModel<>(Filters.eq("_id", id), PUBLISH));
        }
        collection().bulkWrite(updates, UNORDERED);
    }

    /** Deletes receipts older than the retention (on the embedded MongoDB, which has no TTL indexes). */
    long purge() {
        Instant before = wallClock.instant().minus(retention);
        long deleted = collection().deleteMany(Filters.lt(AT, Date.from(before))).getDeletedCount();
        if (deleted > 0) {
            log.info("Deleted {} receipts older than {}", deleted, before);
        }
        return deleted;
    }

    /** The purge, on the configured schedule. */
    @Bean
    static SchedulingConfigurer receiptPurgeSchedule(Receipts receipts, IngestionProperties properties) {
        return registrar -> registrar.addFixedDelayTask(receipts::purge, properties.purgeInterval());
    }

    private MongoCollection<Document> collection() {
        return mongo.getCollection(COLLECTION);
    }
}
