package io.quotaflow.testsupport;

import io.quotaflow.localstack.EmbeddedKafka;
import io.quotaflow.localstack.EmbeddedMongo;

/**
 * One real Kafka broker (KRaft, in process) and one embedded MongoDB wire-protocol server per test JVM,
 * each started on first use on a free port and stopped when the JVM exits. A test that needs only
 * MongoDB never starts the broker.
 */
public final class EmbeddedInfrastructure implements Infrastructure {

    private static final EmbeddedInfrastructure SHARED = new EmbeddedInfrastructure();

    private EmbeddedInfrastructure() {
    }

    public static EmbeddedInfrastructure shared() {
        return SHARED;
    }

    @Override
    public String kafkaBootstrapServers() {
        return Kafka.BROKER.bootstrapServers();
    }

    @Override
    public String mongoConnectionString() {
        return Mongo.SERVER.connectionString();
    }

    /** Initialisation-on-demand holders: each part starts the first time it is asked for. */
    private static final class Kafka {
        static final EmbeddedKafka BROKER = stopAtExit(EmbeddedKafka.startOnFreePorts(3));
    }

    private static final class Mongo {
        static final EmbeddedMongo SERVER = stopAtExit(EmbeddedMongo.startInMemoryOnFreePort());
    }

    private static <T extends AutoCloseable> T stopAtExit(T part) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                part.close();
            } catch (Exception e) {
                // the JVM is going away anyway
            }
        }, "embedded-infrastructure-stop"));
        return part;
    }
}
