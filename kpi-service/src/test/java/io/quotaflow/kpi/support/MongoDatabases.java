package io.quotaflow.kpi.support;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.quotaflow.testsupport.EmbeddedInfrastructure;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.concurrent.atomic.AtomicInteger;

/** Databases of their own on the JVM's embedded MongoDB, one per test (drop them when done). */
public final class MongoDatabases {

    private static final MongoClient CLIENT = MongoClients.create(EmbeddedInfrastructure.shared().mongoConnectionString());
    private static final AtomicInteger SERIAL = new AtomicInteger();

    private MongoDatabases() {
    }

    public static MongoDatabase fresh(String prefix) {
        return CLIENT.getDatabase(prefix + "-" + SERIAL.incrementAndGet());
    }

    /** A template over the database, for the services' readers. */
    public static MongoTemplate template(MongoDatabase database) {
        return new MongoTemplate(CLIENT, database.getName());
    }
}
