package io.quotaflow.benchmarks;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.RawBsonDocument;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * How large the services' documents are, per collection: a MongoDB reads, copies and re-encodes a document whole when
 * it updates any part of it, so the collections whose documents are large and often written decide much of what a
 * chunk costs it. Each collection is sampled (its first documents in natural order), not read whole: the markers
 * and journal entries of a long run number hundreds of thousands.
 */
final class DocumentSizes {

    private static final Set<String> SYSTEM = Set.of("admin", "local", "config");
    private static final int BATCH = 16;

    /** A collection's documents: how many, and the average and largest encoded size in the sample. */
    record Sizes(String database, String collection, long documents, int sampled, double averageBytes,
                 long maxBytes) {

        String name() {
            return database + "." + collection;
        }
    }

    private DocumentSizes() {
    }

    /** The {@code top} collections of every non-system database by average document size, largest first. */
    static List<Sizes> largest(String uri, int sample, int top) {
        List<Sizes> all = new ArrayList<>();
        try (MongoClient client = MongoClients.create(uri)) {
            for (String databaseName : client.listDatabaseNames()) {
                if (SYSTEM.contains(databaseName)) {
                    continue;
                }
                MongoDatabase database = client.getDatabase(databaseName);
                for (String name : database.listCollectionNames()) {
                    all.add(measure(databaseName, name, database.getCollection(name, RawBsonDocument.class), sample));
                }
            }
        }
        return all.stream().filter(sizes -> sizes.sampled() > 0)
                .sorted(Comparator.comparingDouble(Sizes::averageBytes).reversed()).limit(top).toList();
    }

    private static Sizes measure(String database, String name, MongoCollection<RawBsonDocument> collection,
                                 int sample) {
        long total = 0;
        long max = 0;
        int sampled = 0;
        // A few documents a reply: a ledger's journal entries reach hundreds of kilobytes each, and the driver refuses
        // a reply over 48 MB (the embedded server does not cap its batches at 16 MB as a mongod does).
        for (RawBsonDocument document : collection.find().limit(sample).batchSize(BATCH)) {
            int bytes = document.getByteBuffer().remaining();
            total += bytes;
            max = Math.max(max, bytes);
            sampled++;
        }
        return new Sizes(database, name, collection.estimatedDocumentCount(), sampled,
                sampled == 0 ? 0 : (double) total / sampled, max);
    }
}
