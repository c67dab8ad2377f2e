package io.quotaflow.testsupport;

/** A Kafka broker and a MongoDB server that tests talk to over real connections. */
public interface Infrastructure {

    String kafkaBootstrapServers();

    /** {@code mongodb://host:port}, without a database. */
    String mongoConnectionString();
}
