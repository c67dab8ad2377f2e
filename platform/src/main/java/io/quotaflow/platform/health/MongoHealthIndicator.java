package io.quotaflow.platform.health;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * UP when the service's own database answers a {@code ping}.
 *
 * <p>It replaces Boot's indicator, which says {@code hello} to every database the server lists: that ties a
 * service's health to databases it never uses, and {@code mongo-java-server} does not know {@code hello}, so
 * on the embedded server every service went DOWN as soon as any service had stored a document.
 */
public class MongoHealthIndicator extends AbstractHealthIndicator {

    private final MongoTemplate mongo;

    public MongoHealthIndicator(MongoTemplate mongo) {
        super("MongoDB health check failed");
        this.mongo = mongo;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        mongo.executeCommand(new Document("ping", 1));
        builder.up().withDetail("database", mongo.getDb().getName());
    }
}
