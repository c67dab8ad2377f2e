package io.quotaflow.platform.consumption;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.quotaflow.platform.messaging.OutgoingRecord;
import org.bson.BsonBinaryWriter;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.Codec;
import org.bson.codecs.EncoderContext;
import org.bson.io.BasicOutputBuffer;
import org.bson.types.Binary;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The ledger's MongoDB work: checkpoints, event-id markers, the journal and fenced document writes. Every
 * method is one command or one bulk command (plus a bounded number of retries on a version conflict).
 *
 * <p>Collections: {@code ledger_checkpoints} ({@code consumer|topic-partition} → last applied offset),
 * {@code ledger_journal} (one entry per chunk: its writes and derived events as one BSON binary, {@code p}),
 * {@code ledger_seen_<consumer>} (event id → where it was first read). Markers and journal entries older than their retention are purged by {@link LedgerMaintenance} (and by
 * TTL indexes on a real MongoDB).
 */
final class LedgerStore {

    static final String CHECKPOINTS = "ledger_checkpoints";
    static final String JOURNAL = "ledger_journal";
    private static final int DUPLICATE_KEY = 11000;
    private static final int MAX_CONFLICT_ROUNDS = 25;
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);
    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);

    private final MongoDatabase database;
    private final Clock clock;
    private final int writeBulkSize;
    private final Cache<String, Fence> fences;
    /** Sends a chunk's bulks after the first (daemon threads, kept while chunks come, gone after a minute idle). */
    private final ExecutorService writers = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "ledger-writes");
        thread.setDaemon(true);
        return thread;
    });

    LedgerStore(MongoDatabase database, Clock clock, int writeBulkSize, long fenceCacheSize) {
        this.database = database;
        this.clock = clock;
        this.writeBulkSize = writeBulkSize;
        this.fences = Caffeine.newBuilder().maximumSize(fenceCacheSize).build();
    }

    /** Where an event id was first read. */
    record Seen(String topicPartition, long offset) {
    }

    /** One event id to remember, with where it was read. */
    record Marker(String eventId, String topicPartition, long offset) {
    }

    // ---- checkpoints ---------------------------------------------------------------------------------------

    long checkpoint(String consumer, String topicPartition) {
        Document stored = database.getCollection(CHECKPOINTS)
                .find(Filters.eq("_id", consumer + "|" + topicPartition)).first();
        return stored == null ? -1 : ((Number) stored.get("applied")).longValue();
    }

    /** Moves the checkpoint forward to {@code to} (never back). */
    void advance(String consumer, String topicPartition, long to) {
        database.getCollection(CHECKPOINTS).updateOne(Filters.eq("_id", consumer + "|" + topicPartition),
                Updates.combine(Updates.max("applied", to), Updates.set("at", Date.from(clock.instant())),
                        Updates.setOnInsert("consumer", consumer), Updates.setOnInsert("topicPartition", topicPartition)),
                UPSERT);
    }

    // ---- event-id markers ----------------------------------------------------------------------------------

    /**
     * Records where each event id was read; returns the ids that had been recorded before, with where. One
     * insert of every marker; a read only for those that existed.
     */
    Map<String, Seen> markSeen(String consumer, List<Marker> markers) {
        if (markers.isEmpty()) {
            return Map.of();
        }
        Date now = Date.from(clock.instant());
        List<Document> documents = markers.stream().map(marker -> new Document("_id", marker.eventId())
                .append("tp", marker.topicPartition()).append("o", marker.offset()).append("at", now)).toList();
        MongoCollection<Document> seen = seen(consumer);
        Set<String> existing = new HashSet<>();
        try {
            seen.insertMany(documents, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (error.getCode() != DUPLICATE_KEY) {
                    throw e;
                }
                existing.add(markers.get(error.getIndex()).eventId());
            }
        }
        if (existing.isEmpty()) {
            return Map.of();
        }
        Map<String, Seen> found = new HashMap<>();
        for (Document marker : seen.find(Filters.in("_id", existing)).batchSize(existing.size() + 1)) {
            found.put(marker.getString("_id"),
                    new Seen(marker.getString("tp"), ((Number) marker.get("o")).longValue()));
        }
        return found;
    }

    MongoCollection<Document> seen(String consumer) {
        return database.getCollection(seenCollection(consumer));
    }

    static String seenCollection(String consumer) {
        return "ledger_seen_" + consumer.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    // ---- reads ------------------------------------------------------------------------------------------------

    /** Whole documents by id (one query), remembering their fences. Missing documents are absent from the map. */
    Map<String, Document> read(String collection, Collection<String> ids) {
        Map<String, Document> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        for (Document document : byId(collection, ids, null)) {
            found.put(String.valueOf(document.get("_id")), document);
        }
        for (String id : ids) {
            fences.put(key(collection, id), Fence.of(found.get(id)));
        }
        return found;
    }

    /** The documents of {@code ids} in one query ({@code projection} null: whole), in one batch. */
    private Iterable<Document> byId(String collection, Collection<String> ids, org.bson.conversions.Bson projection) {
        return database.getCollection(collection).find(Filters.in("_id", ids)).projection(projection)
                .batchSize(ids.size() + 1);
    }

    // ---- journal ----------------------------------------------------------------------------------------------

    /** Inserts the entry; {@code false} when another consumer has already claimed the chunk. */
    boolean claim(JournalEntry entry) {
        try {
            database.getCollection(JOURNAL).insertOne(toDocument(entry, journalCodec()));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    Optional<JournalEntry> journal(String id) {
        return Optional.ofNullable(database.getCollection(JOURNAL).find(Filters.eq("_id", id)).first())
                .map(document -> fromDocument(document, journalCodec()));
    }

    // ---- fenced writes ------------------------------------------------------------------------------------------

    /** How many of an entry's writes were applied now and how many documents already held them. */
    record Applied(int applied, int alreadyHeld, int conflicts) {
    }

    /**
     * Applies the entry's writes, each as a compare-and-swap on the document's version that also raises its
     * high-water mark for the entry's topic-partition; documents that already hold the entry are left alone.
     * {@code afterFirstBulk} runs after the first bulk when more follow (a crash point for tests). The bulks after the
     * first are sent at once, not one after the other: they write other documents (of other collections, or other
     * ids), each fenced on its own, so their order does not matter, and a chunk waits for one round trip, not one per
     * collection. Returns once every bulk has finished; the first failure is then thrown (the chunk is retried, and
     * the documents already holding it are skipped).
     */
    Applied apply(JournalEntry entry, Runnable afterFirstBulk) {
        Map<String, List<JournalEntry.Write>> byCollection = new LinkedHashMap<>();
        entry.writes().forEach(write -> byCollection.computeIfAbsent(write.collection(), c -> new ArrayList<>()).add(write));
        List<List<JournalEntry.Write>> bulks = new ArrayList<>();
        byCollection.values().forEach(writes -> {
            for (int i = 0; i < writes.size(); i += writeBulkSize) {
                bulks.add(writes.subList(i, Math.min(writes.size(), i + writeBulkSize)));
            }
        });
        if (bulks.isEmpty()) {
            return new Applied(0, 0, 0);
        }
        Applied first = applyBulk(entry, bulks.get(0));
        if (bulks.size() == 1) {
            return first;
        }
        afterFirstBulk.run();
        List<CompletableFuture<Applied>> rest = bulks.subList(1, bulks.size()).stream()
                .map(bulk -> CompletableFuture.supplyAsync(() -> applyBulk(entry, bulk), writers)).toList();
        int applied = first.applied();
        int held = first.alreadyHeld();
        int conflicts = first.conflicts();
        RuntimeException failure = null;
        for (CompletableFuture<Applied> bulk : rest) {
            try {
                Applied result = bulk.join();
                applied += result.applied();
                held += result.alreadyHeld();
                conflicts += result.conflicts();
            } catch (CompletionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException cause ? cause : e;
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        return new Applied(applied, held, conflicts);
    }

    private Applied applyBulk(JournalEntry entry, List<JournalEntry.Write> bulk) {
        String collectionName = bulk.get(0).collection();
        MongoCollection<Document> collection = database.getCollection(collectionName);
        String topicPartition = entry.topicPartition();
        List<JournalEntry.Write> pending = bulk;
        int applied = 0;
        int held = 0;
        int conflicts = 0;
        for (int round = 0; !pending.isEmpty(); round++) {
            if (round == MAX_CONFLICT_ROUNDS) {
                throw new LedgerConflictException("documents of " + collectionName + " kept changing under "
                        + entry.id() + "; will retry the chunk");
            }
            Map<String, Fence> known = fencesOf(collectionName, pending);
            List<JournalEntry.Write> sent = new ArrayList<>();
            List<WriteModel<Document>> models = new ArrayList<>();
            for (JournalEntry.Write write : pending) {
                Fence fence = known.get(write.id());
                if (fence.holds(topicPartition, entry.to())) {
                    held++;
                    continue;
                }
                sent.add(write);
                models.add(new UpdateOneModel<>(new Document("_id", write.id()).append(Doc.VERSION, fence.version()),
                        fenced(write.update(), topicPartition, entry.to()), UPSERT));
            }
            if (models.isEmpty()) {
                break;
            }
            Set<Integer> failed = new HashSet<>();
            try {
                collection.bulkWrite(models, UNORDERED);
            } catch (MongoBulkWriteException e) {
                for (BulkWriteError error : e.getWriteErrors()) {
                    if (error.getCode() != DUPLICATE_KEY) {
                        throw e;
                    }
                    failed.add(error.getIndex());
                }
            }
            List<JournalEntry.Write> retry = new ArrayList<>();
            for (int i = 0; i < sent.size(); i++) {
                String key = key(collectionName, sent.get(i).id());
                if (failed.contains(i)) {
                    fences.invalidate(key);
                    retry.add(sent.get(i));
                } else {
                    fences.put(key, known.get(sent.get(i).id()).after(topicPartition, entry.to()));
                    applied++;
                }
            }
            conflicts += retry.size();
            pending = retry;
        }
        return new Applied(applied, held, conflicts);
    }

    /**
     * The fence of every document written, by id: from the cache where it holds one, the rest read in one query.
     * Kept in a map of its own for the bulk: the cache is bounded, and may evict an entry between being given it
     * and being asked for it (once a service's documents outnumber {@code fenceCacheSize}).
     */
    private Map<String, Fence> fencesOf(String collection, List<JournalEntry.Write> writes) {
        Map<String, Fence> known = new HashMap<>();
        Set<String> missing = new HashSet<>();
        for (JournalEntry.Write write : writes) {
            Fence fence = fences.getIfPresent(key(collection, write.id()));
            if (fence == null) {
                missing.add(write.id());
            } else {
                known.put(write.id(), fence);
            }
        }
        if (missing.isEmpty()) {
            return known;
        }
        Map<String, Document> found = new HashMap<>();
        for (Document document : byId(collection, missing, Projections.include(Doc.VERSION, Doc.HIGH_WATER))) {
            found.put(String.valueOf(document.get("_id")), document);
        }
        for (String id : missing) {
            Fence fence = Fence.of(found.get(id));
            known.put(id, fence);
            fences.put(key(collection, id), fence);
        }
        return known;
    }

    private static Document fenced(Document update, String topicPartition, long to) {
        Document fenced = new Document();
        update.forEach((operator, fields) -> fenced.put(operator, new Document((Document) fields)));
        ((Document) fenced.computeIfAbsent("$set", k -> new Document()))
                .append(Doc.HIGH_WATER + "." + fieldName(topicPartition), to);
        ((Document) fenced.computeIfAbsent("$inc", k -> new Document())).append(Doc.VERSION, 1L);
        return fenced;
    }

    // ---- upkeep -----------------------------------------------------------------------------------------------

    /** The unique (_id, v) index that serves the compare-and-swap, on every collection a projection writes. */
    void ensureIndexes(String consumer, Collection<String> collections) {
        for (String collection : collections) {
            database.getCollection(collection).createIndex(Indexes.ascending("_id", Doc.VERSION),
                    new IndexOptions().unique(true).name("ledger_fence"));
        }
    }

    /** TTL indexes for a real MongoDB (the embedded server ignores them; {@link #purge} does the work there). */
    void ensureRetentionIndexes(String consumer, long seenSeconds, long journalSeconds) {
        seen(consumer).createIndex(Indexes.ascending("at"),
                new IndexOptions().name("ledger_seen_ttl").expireAfter(seenSeconds, TimeUnit.SECONDS));
        database.getCollection(JOURNAL).createIndex(Indexes.ascending("at"),
                new IndexOptions().name("ledger_journal_ttl").expireAfter(journalSeconds, TimeUnit.SECONDS));
    }

    /** Deletes markers and journal entries older than their retention. */
    long purge(String consumer, Instant seenBefore, Instant journalBefore) {
        long markers = seen(consumer).deleteMany(Filters.lt("at", Date.from(seenBefore))).getDeletedCount();
        long entries = database.getCollection(JOURNAL)
                .deleteMany(Filters.and(Filters.eq("consumer", consumer), Filters.lt("at", Date.from(journalBefore))))
                .getDeletedCount();
        return markers + entries;
    }

    void forgetFences() {
        fences.invalidateAll();
    }

    // ---- mapping ----------------------------------------------------------------------------------------------

    static String fieldName(String topicPartition) {
        return topicPartition.replace('.', '_');
    }

    private static String key(String collection, String id) {
        return collection + '\u0000' + id;
    }

    private Codec<Document> journalCodec() {
        return database.getCodecRegistry().get(Document.class);
    }

    /**
     * The entry as stored: what identifies it as fields, its writes and events as one BSON document in a binary
     * ({@code p}). The database never looks inside them, and a binary is one value to it where the writes as
     * documents were thousands: the embedded server keeps every document as a tree of objects, and half an hour of
     * journal entries as trees (a day is kept) outgrew an 8 GB heap.
     */
    private static Document toDocument(JournalEntry entry, Codec<Document> codec) {
        List<Document> writes = entry.writes().stream().map(write -> new Document("c", write.collection())
                .append("id", write.id()).append("u", write.update())).toList();
        List<Document> events = entry.events().stream().map(event -> new Document("topic", event.topic())
                .append("key", event.key()).append("value", new Binary(event.value()))
                .append("headers", new Document(new LinkedHashMap<String, Object>(event.headers())))).toList();
        BasicOutputBuffer payload = new BasicOutputBuffer();
        codec.encode(new BsonBinaryWriter(payload), new Document("writes", writes).append("events", events),
                EncoderContext.builder().build());
        return new Document("_id", entry.id()).append("consumer", entry.consumer())
                .append("tp", entry.topicPartition()).append("from", entry.from()).append("to", entry.to())
                .append("p", new Binary(payload.toByteArray())).append("owner", entry.owner())
                .append("at", Date.from(entry.at()));
    }

    /** An entry as {@link #toDocument} stores it, or as entries were stored before (writes and events as fields). */
    private static JournalEntry fromDocument(Document stored, Codec<Document> codec) {
        Document document = stored;
        if (stored.get("p") instanceof Binary payload) {
            document = new RawBsonDocument(payload.getData()).decode(codec);
        }
        return fromFields(stored, document);
    }

    private static JournalEntry fromFields(Document stored, Document document) {
        List<JournalEntry.Write> writes = document.getList("writes", Document.class).stream()
                .map(write -> new JournalEntry.Write(write.getString("c"), write.getString("id"),
                        write.get("u", Document.class))).toList();
        List<OutgoingRecord> events = document.getList("events", Document.class).stream().map(event -> {
            Map<String, String> headers = new LinkedHashMap<>();
            event.get("headers", Document.class).forEach((name, value) -> headers.put(name, String.valueOf(value)));
            return new OutgoingRecord(event.getString("topic"), event.getString("key"),
                    event.get("value", Binary.class).getData(), headers);
        }).toList();
        return new JournalEntry(stored.getString("consumer"), stored.getString("tp"),
                ((Number) stored.get("from")).longValue(), ((Number) stored.get("to")).longValue(), writes, events,
                stored.getString("owner"), stored.getDate("at").toInstant());
    }

    /** Documents kept changing under a chunk's writes; the chunk is retried. */
    static final class LedgerConflictException extends RuntimeException {
        LedgerConflictException(String message) {
            super(message);
        }
    }
}
