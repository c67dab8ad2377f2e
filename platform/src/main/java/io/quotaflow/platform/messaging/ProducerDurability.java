package io.quotaflow.platform.messaging;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.kafka.core.ProducerFactory;

import java.util.Map;

/**
 * Refuses to start a service whose Kafka producer could lose or duplicate an event: "nothing lost" needs
 * {@code acks=all} (every in-sync replica has the record before the send completes) and an idempotent producer
 * (a retried send is written once). Checked on the producer the service really uses, after every property
 * source has been applied.
 */
public class ProducerDurability implements SmartInitializingSingleton {

    private final ProducerFactory<?, ?> producers;

    public ProducerDurability(ProducerFactory<?, ?> producers) {
        this.producers = producers;
    }

    @Override
    public void afterSingletonsInstantiated() {
        check(producers.getConfigurationProperties());
    }

    /** @throws IllegalStateException naming the setting that is not durable */
    public static void check(Map<String, Object> config) {
        String acks = String.valueOf(config.get("acks"));
        if (!acks.equals("all") && !acks.equals("-1")) {
            throw new IllegalStateException("The Kafka producer must use acks=all (spring.kafka.producer.acks), not "
                    + acks + ": an event acknowledged by one replica only can be lost");
        }
        Object idempotence = config.get("enable.idempotence");
        if (idempotence == null || !Boolean.parseBoolean(String.valueOf(idempotence))) {
            throw new IllegalStateException("The Kafka producer must be idempotent "
                    + "(spring.kafka.producer.properties.enable.idempotence=true): a retried send could be written twice");
        }
    }
}
