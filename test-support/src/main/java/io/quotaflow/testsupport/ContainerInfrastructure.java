package io.quotaflow.testsupport;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The production images, {@code apache/kafka:4.1.2} and {@code mongo:8} (a one-node replica set), in
 * Docker via Testcontainers: one pair per test JVM. Only used where a Docker engine exists.
 */
public final class ContainerInfrastructure implements Infrastructure {

    public static final String KAFKA_IMAGE = "apache/kafka:4.1.2";
    public static final String MONGO_IMAGE = "mongo:8";

    private final KafkaContainer kafka;
    private final MongoDBContainer mongo;

    private ContainerInfrastructure() {
        kafka = new KafkaContainer(KAFKA_IMAGE);
        mongo = new MongoDBContainer(MONGO_IMAGE);
        kafka.start();
        mongo.start();
    }

    /** Started on first use, once per JVM (initialisation-on-demand holder). */
    public static ContainerInfrastructure shared() {
        return Shared.INSTANCE;
    }

    private static final class Shared {
        static final ContainerInfrastructure INSTANCE = new ContainerInfrastructure();
    }

    /** Used by {@code @EnabledIf} on container tests: is there a Docker engine to talk to? */
    public static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable noDocker) {
            return false;
        }
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.getBootstrapServers();
    }

    @Override
    public String mongoConnectionString() {
        // The replica-set URL minus the database part, so each service picks its own database.
        String url = mongo.getReplicaSetUrl();
        return url.substring(0, url.lastIndexOf('/'));
    }
}
