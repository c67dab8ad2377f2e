package io.quotaflow.platform.health;

import com.mongodb.MongoClientSettings;
import com.mongodb.ServerAddress;
import com.mongodb.client.MongoClients;
import io.quotaflow.testsupport.EmbeddedInfrastructure;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Against the real MongoDB wire protocol. */
class MongoHealthIndicatorIT {

    @Test
    void shouldBeUpWhileTheServerHoldsData() {
        MongoTemplate mongo = new MongoTemplate(
                MongoClients.create(EmbeddedInfrastructure.shared().mongoConnectionString()), "health-it");
        mongo.getCollection("things").insertOne(new Document("_id", "something"));

        assertThat(new MongoHealthIndicator(mongo).health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void shouldBeDownWhenTheServerDoesNotAnswer() throws IOException {
        ServerAddress nobody = new ServerAddress("127.0.0.1", freePort());
        MongoTemplate nowhere = new MongoTemplate(MongoClients.create(MongoClientSettings.builder()
                .applyToClusterSettings(cluster -> cluster.hosts(List.of(nobody))
                        .serverSelectionTimeout(200, TimeUnit.MILLISECONDS))
                .build()), "health-it");

        assertThat(new MongoHealthIndicator(nowhere).health().getStatus()).isEqualTo(Status.DOWN);
    }

    @Test
    void shouldSayDownWithinItsTimeLimitWhenTheServerWentAway() throws IOException {
        // The driver's default server selection timeout (30 s), as the services run with.
        MongoTemplate nowhere = new MongoTemplate(
                MongoClients.create("mongodb://127.0.0.1:" + freePort()), "health-it");

        long started = System.nanoTime();
        Status status = new MongoHealthIndicator(nowhere).health().getStatus();

        assertThat(status).isEqualTo(Status.DOWN);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started))
                .isLessThan(MongoHealthIndicator.TIMEOUT_MS + 3000);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
