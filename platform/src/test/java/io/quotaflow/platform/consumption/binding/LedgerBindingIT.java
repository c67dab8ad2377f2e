package io.quotaflow.platform.consumption.binding;

import io.micrometer.core.instrument.MeterRegistry;
import io.quotaflow.platform.consumption.ActivityStream;
import io.quotaflow.platform.consumption.DeadLetters;
import io.quotaflow.platform.consumption.DealTotals;
import io.quotaflow.testsupport.EmbeddedInfrastructure;
import io.quotaflow.testsupport.ServiceIT;
import io.quotaflow.testsupport.crash.CrashHarness;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.stream.binder.BinderFactory;
import org.springframework.cloud.stream.binder.kafka.properties.KafkaBinderConfigurationProperties;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.messaging.MessageChannel;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.util.ReflectionTestUtils;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A projection bound as a Spring Cloud Stream batch consumer with the platform's defaults, on the real broker and
 * MongoDB: the stream ends exactly as the reference although the broker "fails" twice mid-chunk (the container
 * retries the poll, nothing is skipped), bad records land in {@code <topic>.<group>.dlq}, and the ledger's meters
 * count what happened.
 */
@ServiceIT
@TestPropertySource(properties = {
        "spring.application.name=kpi-service",
        "spring.cloud.function.definition=onDeal",
        "spring.cloud.stream.bindings.onDeal-in-0.destination=ledger-binding-deals",
        "spring.cloud.stream.bindings.onDeal-in-0.group=kpi-service",
        "quotaflow.ledger.chunk-size=7",
        "quotaflow.ledger.write-bulk-size=3",
        "quotaflow.ledger.retry-interval=200ms"})
class LedgerBindingIT {

    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    MeterRegistry meters;
    @Autowired
    BinderFactory binders;

    @Test
    void shouldHandAStoppedConsumersPartitionsToTheGroupWithinTenSeconds() {
        // Kafka's default session (45 s) would leave a killed instance's partitions unread that long. The binder's
        // settings live in its own context: read them from the binder the bindings use.
        Object binder = binders.getBinder(null, MessageChannel.class);
        KafkaBinderConfigurationProperties settings = (KafkaBinderConfigurationProperties)
                ReflectionTestUtils.getField(binder, "configurationProperties");
        assertThat(settings.mergedConsumerConfiguration())
                .containsEntry(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, "10000")
                .containsEntry(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, "3000");
    }

    @Test
    void shouldApplyEveryEventOnceThroughTheBindingDespiteOutages() {
        ActivityStream stream = new ActivityStream("binding:", 7, 40, 20, true);

        List<CompletableFuture<SendResult<String, byte[]>>> sent = stream.records.stream()
                .map(input -> kafka.send(LedgerBindingApplication.DEALS.name(), input.key(), input.value())).toList();
        sent.forEach(CompletableFuture::join);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(storedTotals()).isEqualTo(expectedTotals(stream)));
        assertThat(deadLetters(stream.poison)).as("bad records, by original partition and offset").hasSize(stream.poison);
        assertThat(meters.get("quotaflow.ledger.records").tag("consumer", LedgerBindingApplication.GROUP)
                .tag("outcome", "duplicate").counter().count()).isPositive();
        assertThat(meters.get("quotaflow.ledger.chunk").tag("consumer", LedgerBindingApplication.GROUP).timer().count())
                .isPositive();
    }

    private Map<String, String> storedTotals() {
        Map<String, String> totals = new HashMap<>();
        for (Document rep : mongo.getCollection(DealTotals.REPS).find()) {
            Object revenue = rep.get("revenue");
            totals.put(rep.getString("_id"), rep.get("deals", 0L) + "/" + rep.get("calls", 0L) + "/"
                    + (revenue == null ? "0" : ((Decimal128) revenue).bigDecimalValue().stripTrailingZeros().toPlainString()));
        }
        return totals;
    }

    private static Map<String, String> expectedTotals(ActivityStream stream) {
        Map<String, String> totals = new HashMap<>();
        stream.repTotals().forEach((rep, t) -> totals.put(rep, t.deals() + "/" + t.calls() + "/"
                + (t.revenue().signum() == 0 ? "0" : t.revenue().stripTrailingZeros().toPlainString())));
        return totals;
    }

    private static java.util.Set<String> deadLetters(int expected) {
        java.util.Set<String> origins = new java.util.HashSet<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedInfrastructure.shared().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "dlq-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(DeadLetters.topicOf(LedgerBindingApplication.DEALS.name(),
                    LedgerBindingApplication.GROUP)));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> origins.add(
                        new String(record.headers().lastHeader(DeadLetters.ORIGINAL_PARTITION).value(), StandardCharsets.UTF_8)
                                + ":" + new String(record.headers().lastHeader(DeadLetters.ORIGINAL_OFFSET).value(),
                                StandardCharsets.UTF_8)));
                return origins.size() >= expected;
            });
        }
        return origins;
    }
}
