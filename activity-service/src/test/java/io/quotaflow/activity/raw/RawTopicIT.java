package io.quotaflow.activity.raw;

import io.quotaflow.activity.ActivityMother;
import io.quotaflow.activity.Body;
import io.quotaflow.activity.TestOrg;
import io.quotaflow.events.EventIds;
import io.quotaflow.events.Topics;
import io.quotaflow.events.activity.ActivityEvent;
import io.quotaflow.events.activity.DealClosed;
import io.quotaflow.platform.consumption.DeadLetters;
import io.quotaflow.platform.org.OrgDirectory;
import io.quotaflow.testsupport.EmbeddedInfrastructure;
import io.quotaflow.testsupport.EventTap;
import io.quotaflow.testsupport.ServiceIT;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Kafka-direct ingestion: canonical JSON on sales-activities-raw becomes events; poison goes to the dead-letter topic. */
@ServiceIT
class RawTopicIT {

    private static final String BROKERS = EmbeddedInfrastructure.shared().kafkaBootstrapServers();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    OrgDirectory org;

    @Test
    void shouldPublishValidRecordsAndDeadLetterPoisonWithTheReasonAndKeepGoing() throws Exception {
        TestOrg.ensure(org);
        Body first = ActivityMother.dealClosed(TestOrg.REP).with("source", "debezium");
        Body last = ActivityMother.followUpLogged(TestOrg.REP).with("source", "debezium");
        String marker = UUID.randomUUID().toString();
        List<byte[]> poison = List.of(
                ("{not json " + marker).getBytes(StandardCharsets.UTF_8),
                json(ActivityMother.dealClosed(TestOrg.REP).with("amount", "-5").with("externalId", "neg-" + marker)),
                json(ActivityMother.followUpLogged("nobody-" + marker)),
                json(ActivityMother.paymentCollected(TestOrg.REP).with("currency", "ZAR")
                        .with("externalId", "zar-" + marker)),
                new byte[0]);

        try (EventTap<ActivityEvent> tap = EventTap.tail(BROKERS, Topics.SALES_ACTIVITIES)) {
            List<Long> poisonOffsets = produce(List.of(json(first)), poison, List.of(json(last)));

            List<EventTap.Received<ActivityEvent>> received = tap.awaitUntil(all -> ids(all)
                    .containsAll(List.of(id(first), id(last))), Duration.ofSeconds(60));
            assertThat(received).filteredOn(r -> r.envelope().eventId().equals(id(first))).singleElement()
                    .satisfies(r -> assertThat(r.payload()).isInstanceOf(DealClosed.class));

            Map<Long, String> reasons = deadLetters(poisonOffsets);
            assertThat(reasons).hasSize(poison.size());
            assertThat(reasons.values()).anySatisfy(reason -> assertThat(reason).startsWith("unreadable: body is not valid JSON"))
                    .anySatisfy(reason -> assertThat(reason).isEqualTo("invalid (400): amount must be greater than 0"))
                    .anySatisfy(reason -> assertThat(reason).startsWith("invalid (400): repId is no rep of the sales org"))
                    .anySatisfy(reason -> assertThat(reason).startsWith("no rate (422): currency has no rate to CNY"))
                    .anySatisfy(reason -> assertThat(reason).isEqualTo("unreadable: body is required"));
        }
    }

    private static byte[] json(Body body) {
        return JSON.writeValueAsBytes(body.fields());
    }

    private static UUID id(Body body) {
        return EventIds.of((String) body.get("source"), (String) body.get("externalId"), (String) body.get("type"));
    }

    private static List<UUID> ids(List<EventTap.Received<ActivityEvent>> received) {
        return received.stream().map(r -> r.envelope().eventId()).toList();
    }

    /** All on one partition (one key), in order: valid, poison, valid. Returns the poison records' offsets. */
    @SafeVarargs
    private static List<Long> produce(List<byte[]>... groups) throws Exception {
        List<Long> poisonOffsets = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BROKERS, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer())) {
            for (int g = 0; g < groups.length; g++) {
                for (byte[] value : groups[g]) {
                    long offset = producer.send(new ProducerRecord<>(Topics.SALES_ACTIVITIES_RAW.name(), "connect-1", value))
                            .get(30, TimeUnit.SECONDS).offset();
                    if (g == 1) {
                        poisonOffsets.add(offset);
                    }
                }
            }
        }
        return poisonOffsets;
    }

    /** The dead letters of these original offsets, by offset, with their reason. */
    private static Map<Long, String> deadLetters(List<Long> offsets) {
        Map<Long, String> reasons = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, BROKERS, ConsumerConfig.GROUP_ID_CONFIG, "dlq-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.SALES_ACTIVITIES_RAW.deadLetterTopic("activity-service")));
            long deadline = System.currentTimeMillis() + 60_000;
            while (reasons.size() < offsets.size() && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    long offset = Long.parseLong(header(record, DeadLetters.ORIGINAL_OFFSET));
                    if (offsets.contains(offset)) {
                        assertThat(header(record, DeadLetters.ORIGINAL_TOPIC)).isEqualTo(Topics.SALES_ACTIVITIES_RAW.name());
                        reasons.put(offset, header(record, DeadLetters.REASON));
                    }
                }
            }
        }
        return reasons;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
