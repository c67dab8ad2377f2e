package io.quotaflow.localstack;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedInfrastructureIT {

    private static EmbeddedKafka kafka;

    @BeforeAll
    static void startKafka() {
        kafka = EmbeddedKafka.startOnFreePorts(3);
    }

    @AfterAll
    static void stopKafka() {
        kafka.close();
    }

    @Test
    void shouldAcknowledgeAndDeliverRecordsInOrderPerKey() throws Exception {
        Map<String, Object> producerConfig = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        try (KafkaProducer<String, String> producer =
                     new KafkaProducer<>(producerConfig, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < 10; i++) {
                producer.send(new ProducerRecord<>("smoke", "r-001", "event-" + i)).get();
            }
        }

        Map<String, Object> consumerConfig = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "smoke-test",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> received = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("smoke"));
            long deadline = System.currentTimeMillis() + 30_000;
            while (received.size() < 10 && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    received.add(record.value());
                }
            }
        }

        assertThat(received).containsExactly("event-0", "event-1", "event-2", "event-3", "event-4",
                "event-5", "event-6", "event-7", "event-8", "event-9");
    }

    @Test
    void shouldKeepMongoDataInAFileAcrossRestarts(@TempDir Path dir) {
        Path file = dir.resolve("mongo.mv");
        try (EmbeddedMongo mongo = EmbeddedMongo.start(file, 0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            client.getDatabase("quotaflow").getCollection("plans").insertOne(new Document("_id", "p-1"));
        }

        try (EmbeddedMongo mongo = EmbeddedMongo.start(file, 0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> plans = client.getDatabase("quotaflow").getCollection("plans");
            assertThat(plans.countDocuments()).isEqualTo(1);
        }
    }

    @Test
    void shouldRefuseConnectionsWhileSuspendedAndKeepItsDataInMemoryUntilResumed() {
        MongoClientSettings quick = MongoClientSettings.builder()
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(1, TimeUnit.SECONDS)).build();
        try (EmbeddedMongo mongo = EmbeddedMongo.startInMemoryOnFreePort();
             MongoClient client = MongoClients.create(MongoClientSettings.builder(quick)
                     .applyConnectionString(new ConnectionString(mongo.connectionString())).build())) {
            MongoCollection<Document> plans = client.getDatabase("quotaflow").getCollection("plans");
            plans.insertOne(new Document("_id", "p-1"));

            mongo.suspend();
            org.junit.jupiter.api.Assertions.assertThrows(com.mongodb.MongoException.class,
                    () -> plans.insertOne(new Document("_id", "p-2")));
            try (Socket refused = new Socket()) {
                org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                        () -> refused.connect(new InetSocketAddress("127.0.0.1", mongo.port()), 1000));
            }
            mongo.resume();

            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            long found = -1;
            while (found < 0) {
                try {
                    found = plans.countDocuments();
                } catch (com.mongodb.MongoException reconnecting) {
                    assertThat(System.nanoTime()).as("reconnected within 20 s").isLessThan(deadline);
                }
            }
            assertThat(found).as("the data of before the outage").isEqualTo(1);
            plans.insertOne(new Document("_id", "p-2"));
            assertThat(plans.countDocuments()).isEqualTo(2);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void shouldEnforceUniqueIdsInMemory() {
        try (EmbeddedMongo mongo = EmbeddedMongo.startInMemoryOnFreePort();
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> facts = client.getDatabase("quotaflow").getCollection("facts");
            facts.insertOne(new Document("_id", "event-1"));

            org.junit.jupiter.api.Assertions.assertThrows(com.mongodb.MongoWriteException.class,
                    () -> facts.insertOne(new Document("_id", "event-1")));
            assertThat(facts.countDocuments()).isEqualTo(1);
        }
    }
}
