package io.quotaflow.kpi.archfixture.model;

import org.apache.kafka.clients.producer.ProducerRecord;

/** A class of a package the service declares as domain, though not named so, that knows Kafka. */
public final class Funnel {

    public static ProducerRecord<String, String> asRecord(String stage) {
        return new ProducerRecord<>("kpi-changes", stage);
    }
}
