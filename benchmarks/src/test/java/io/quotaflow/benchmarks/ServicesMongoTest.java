package io.quotaflow.benchmarks;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.quotaflow.localstack.EmbeddedMongo;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --mongodb-uri}: the harness on a MongoDB it does not run. The server here is another process's stand-in
 * (a wire-protocol server on its own port, reached over a real connection), as a real {@code mongod} would be.
 */
class ServicesMongoTest {

    private static EmbeddedMongo server;
    private static MongoClient client;

    @BeforeAll
    static void startServer() {
        server = EmbeddedMongo.startInMemoryOnFreePort();
        client = MongoClients.create(server.connectionString());
    }

    @AfterAll
    static void stopServer() {
        client.close();
        server.close();
    }

    @Test
    void shouldGiveEachServiceADatabaseOfItsOwnThatStartsEmptyOnceInARun() {
        client.getDatabase("quotaflow-bench-gateway").getCollection("left").insertOne(new Document("from", "last run"));
        try (ServicesMongo mongo = ServicesMongo.at(server.connectionString())) {
            assertThat(mongo.isEmbedded()).isFalse();
            assertThat(mongo.uri()).isEqualTo(server.connectionString());

            assertThat(mongo.databaseEnv("gateway", Map.of()))
                    .isEqualTo(Map.of("MONGODB_DATABASE", "quotaflow-bench-gateway"));
            assertThat(client.getDatabase("quotaflow-bench-gateway").getCollection("left").countDocuments())
                    .as("the last run's data is gone before the first use").isZero();

            client.getDatabase("quotaflow-bench-gateway").getCollection("kept").insertOne(new Document("n", 1));
            mongo.databaseEnv("gateway", Map.of());
            assertThat(client.getDatabase("quotaflow-bench-gateway").getCollection("kept").countDocuments())
                    .as("a service started again in the same run keeps its data").isOne();
        }
    }

    @Test
    void shouldKeepTheDatabaseAServiceIsGivenAndDropItOnRequest() {
        client.getDatabase("kpi-bench-live").getCollection("old").insertOne(new Document("n", 1));
        try (ServicesMongo mongo = ServicesMongo.at(server.connectionString())) {
            assertThat(mongo.databaseEnv("kpi-service", Map.of("MONGODB_DATABASE", "kpi-bench-live")))
                    .isEqualTo(Map.of("MONGODB_DATABASE", "kpi-bench-live"));
            assertThat(client.getDatabase("kpi-bench-live").getCollection("old").countDocuments()).isZero();

            client.getDatabase("kpi-bench-live").getCollection("new").insertOne(new Document("n", 1));
            mongo.drop("kpi-bench-live");
            assertThat(client.getDatabase("kpi-bench-live").getCollection("new").countDocuments()).isZero();
        }
    }

    @Test
    void shouldNameTheServerAndWhatTheHarnessRunsWithoutTheUri() {
        try (ServicesMongo mongo = ServicesMongo.at(server.connectionString())) {
            assertThat(mongo.description()).startsWith("MongoDB ")
                    .contains("at 127.0.0.1:" + server.port()).contains("outside the harness's JVM");
            assertThat(mongo.harnessHolds()).isEqualTo("clients, broker");
        }
    }

    @Test
    void shouldLeaveTheEmbeddedServersDatabasesToTheServices() {
        try (ServicesMongo mongo = ServicesMongo.embedded()) {
            assertThat(mongo.isEmbedded()).isTrue();
            assertThat(mongo.databaseEnv("gateway", Map.of())).isEmpty();
            assertThat(mongo.description()).startsWith("embedded");
            assertThat(mongo.harnessHolds()).isEqualTo("clients, broker, MongoDB");
        }
    }

    @Test
    void shouldNameTheCommandWithoutTheUriItMayHoldCredentialsIn() {
        assertThat(Bench.command("--full", "--mongodb-uri=mongodb://bench:s3cret@db:27017", "--project-dir=/x",
                "--events=1000000")).isEqualTo("./bench.sh --full --mongodb-uri=… --events=1000000");
    }
}
