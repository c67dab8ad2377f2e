package io.quotaflow.testsupport;

import io.quotaflow.localstack.EmbeddedKafka;
import io.quotaflow.localstack.EmbeddedMongo;

/**
 * One real Kafka broker (KRaft, in process) and one embedded MongoDB wire-protocol server per test JVM,
 * started on first use on free ports and stopped when the JVM exits.
 */
public final class EmbeddedInfrastructure implements Infrastructure {

    private final EmbeddedKafka kafka;
    private final EmbeddedMongo mongo;

    private EmbeddedInfrastructure() {
        this.mongo = EmbeddedMongo.startInMemoryOnFreePort();
        this.kafka = EmbeddedKafka.startOnFreePorts(3);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.close();
            mongo.close();
        }, "embedded-infrastructure-stop"));
    }

    /** Started on first use, once per JVM (initialisation-on-demand holder). */
    public static EmbeddedInfrastructure shared() {
        return Shared.INSTANCE;
    }

    private static final class Shared {
        static final EmbeddedInfrastructure INSTANCE = new EmbeddedInfrastructure();
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    @Override
    public String mongoConnectionString() {
        return mongo.connectionString();
    }
}
