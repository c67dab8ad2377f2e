package io.quotaflow.benchmarks;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.quotaflow.localstack.EmbeddedMongo;
import org.bson.Document;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The MongoDB the services of a run use: by default the embedded one (mongo-java-server, in memory) in the harness's
 * JVM, as the local launcher runs it; with {@code --mongodb-uri} a MongoDB elsewhere (a real {@code mongod}), so
 * that the figures can be taken without the embedded server's costs where one exists. On such a server the run's
 * databases are its own ({@code quotaflow-bench-<service>}, unless a service is given one, as kpi-service's
 * {@code kpi-bench-*}), and each is dropped before its first use in the run, so every run starts empty as it does
 * in memory.
 */
final class ServicesMongo implements AutoCloseable {

    static final String DATABASE_PREFIX = "quotaflow-bench-";
    /**
     * The harness's MongoDB keeps everything in its heap: without these, kpi-service's event-id markers (7 days) and
     * journal entries (a day) of a 5,000,000-event catch-up would not fit, and activity-service's and
     * incentive-service's of B2 and B4 (a chunk's journal entry holds its writes: ~0.5 MB for the timeline's) filled
     * 9–10 GB of it, with old-generation collections during B4. A deployment's MongoDB keeps them on disk and
     * expires them with TTL indexes; here each ledger's own purge removes them while it runs (a minute apart,
     * markers after 10 minutes, entries after 2).
     */
    static final Map<String, String> IN_MEMORY_RETENTION = Map.of("QUOTAFLOW_LEDGER_SEEN_RETENTION", "10m",
            "QUOTAFLOW_LEDGER_JOURNALRETENTION", "2m", "QUOTAFLOW_LEDGER_PURGEINTERVAL", "1m");

    private final EmbeddedMongo embedded;
    private final MongoClient external;
    private final String uri;
    private final Set<String> used = new HashSet<>();

    private ServicesMongo(EmbeddedMongo embedded, MongoClient external, String uri) {
        this.embedded = embedded;
        this.external = external;
        this.uri = uri;
    }

    /** The embedded MongoDB in this JVM. */
    static ServicesMongo embedded() {
        EmbeddedMongo mongo = EmbeddedMongo.startInMemoryOnFreePort();
        return new ServicesMongo(mongo, null, mongo.connectionString());
    }

    /** A MongoDB at a connection string ({@code mongodb://…}). */
    static ServicesMongo at(String uri) {
        return new ServicesMongo(null, MongoClients.create(uri), uri);
    }

    /** {@code null} or a URI: the embedded MongoDB or the one at the URI. */
    static ServicesMongo of(String uriOrNull) {
        return uriOrNull == null ? embedded() : at(uriOrNull);
    }

    boolean isEmbedded() {
        return embedded != null;
    }

    String uri() {
        return uri;
    }

    /** The ledgers' retention for this MongoDB: {@link #IN_MEMORY_RETENTION} in memory, a deployment's elsewhere. */
    Map<String, String> retentionEnv() {
        return isEmbedded() ? IN_MEMORY_RETENTION : Map.of();
    }

    /**
     * The environment naming a service's database: none on the embedded MongoDB (the service's own default, the
     * server is fresh); on a MongoDB at a URI the one given (in {@code env}) or {@code quotaflow-bench-<service>},
     * dropped if this is its first use in the run.
     */
    Map<String, String> databaseEnv(String service, Map<String, String> env) {
        if (isEmbedded()) {
            return Map.of();
        }
        String database = env.getOrDefault("MONGODB_DATABASE", DATABASE_PREFIX + service);
        if (used.add(database)) {
            drop(database);
        }
        return Map.of("MONGODB_DATABASE", database);
    }

    /** Drops a database with everything in it (its services must not be using it any more). */
    void drop(String database) {
        if (isEmbedded()) {
            embedded.dropDatabase(database);
        } else {
            external.getDatabase(database).drop();
        }
    }

    /** What the harness's own JVM runs besides its clients, for the figures that report its CPU. */
    String harnessHolds() {
        return isEmbedded() ? "clients, broker, MongoDB" : "clients, broker";
    }

    /** Which MongoDB it is, as the results file names it: never the URI's credentials. */
    String description() {
        if (isEmbedded()) {
            return "embedded (mongo-java-server, in memory, in the harness's JVM)";
        }
        String version = external.getDatabase("admin").runCommand(new Document("buildInfo", 1)).getString("version");
        return "MongoDB " + version + " at " + String.join(",", new ConnectionString(uri).getHosts())
                + " (outside the harness's JVM)";
    }

    @Override
    public void close() {
        if (isEmbedded()) {
            embedded.close();
        } else {
            external.close();
        }
    }
}
