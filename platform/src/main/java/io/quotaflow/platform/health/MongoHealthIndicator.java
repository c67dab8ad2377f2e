package io.quotaflow.platform.health;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.concurrent.TimeUnit;

/**
 * UP when the service's own database answers a {@code ping}.
 *
 * <p>It replaces Boot's indicator, which says {@code hello} to every database the server lists: that ties a
 * service's health to databases it never uses, and {@code mongo-java-server} does not know {@code hello}, so
 * on the embedded server every service went DOWN as soon as any service had stored a document.
 *
 * <p>The ping has its own time limit ({@value #TIMEOUT_MS} ms, server selection included): without one, a database
 * that went away held {@code /actuator/health} for the driver's server selection timeout (30 s), so the service
 * answered nothing instead of DOWN, and a probe gave up on it.
 */
public class MongoHealthIndicator extends AbstractHealthIndicator {

    static final long TIMEOUT_MS = 2000;

    private final MongoTemplate mongo;

    public MongoHealthIndicator(MongoTemplate mongo) {
        super("MongoDB health check failed");
        this.mongo = mongo;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        mongo.getDb().withTimeout(TIMEOUT_MS, TimeUnit.MILLISECONDS).runCommand(new Document("ping", 1));
        builder.up().withDetail("database", mongo.getDb().getName());
    }
}
