package io.quotaflow.platform.messaging;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quotaflow.events.EventCodec;
import io.quotaflow.events.EventEnvelope;
import io.quotaflow.events.EventHeaders;
import io.quotaflow.events.EventIds;
import io.quotaflow.events.Topics;
import io.quotaflow.events.activity.ActivityEvent;
import io.quotaflow.events.activity.FollowUpChannel;
import io.quotaflow.events.activity.FollowUpLogged;
import io.quotaflow.events.incentive.PeriodClosed;
import io.quotaflow.testsupport.EmbeddedInfrastructure;
import io.quotaflow.testsupport.EventTap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Against the real broker: publishing returns once Kafka acknowledged, with key and headers set. */
class EventPublisherIT {

    private final String brokers = EmbeddedInfrastructure.shared().kafkaBootstrapServers();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final DefaultKafkaProducerFactory<String, byte[]> producers = TestProducers.producers(brokers, 10_000);
    private final EventPublisher publisher = new KafkaEventPublisher(new KafkaTemplate<>(producers), new EventCodec(),
            "activity-service", Duration.ofSeconds(20), meters);

    @AfterEach
    void closeProducers() {
        producers.destroy();
    }

    @Test
    void shouldPublishKeyedByRepWithIdAndTypeInTheHeaders() {
        try (EventTap<ActivityEvent> tap = EventTap.tail(brokers, Topics.SALES_ACTIVITIES)) {
            EventEnvelope<FollowUpLogged> visit = publisher.envelope(EventIds.of("api", UUID.randomUUID().toString()),
                    Instant.parse("2026-12-02T02:00:00Z"), new FollowUpLogged("api", "v-1", "r-042", "c-1",
                            FollowUpChannel.VISIT, 3600, null, Instant.parse("2026-12-02T02:00:00Z")));

            publisher.publish(visit);

            EventTap.Received<ActivityEvent> received = tap.awaitUntil(all -> all.size() == 1, Duration.ofSeconds(30)).get(0);
            assertThat(received.key()).isEqualTo("r-042");
            assertThat(received.headers()).containsEntry(EventHeaders.EVENT_ID, visit.eventId().toString())
                    .containsEntry(EventHeaders.EVENT_TYPE, "FollowUpLogged")
                    .containsEntry(EventHeaders.EVENT_VERSION, "1");
            assertThat(received.envelope()).isEqualTo(visit);
            assertThat(received.envelope().source()).isEqualTo("quotaflow/activity-service");
        }
    }

    @Test
    void shouldRefuseToWriteAnotherServicesTopic() {
        EventEnvelope<PeriodClosed> closed = publisher.envelope(UUID.randomUUID(), Instant.now(),
                new PeriodClosed(YearMonth.of(2026, 12), 0, BigDecimal.ZERO, "CNY", "ops", Instant.now()));

        assertThatThrownBy(() -> publisher.publish(closed))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("activity-service may not write to incentives; its single writer is incentive-service");
    }

    @Test
    void shouldFailInsteadOfReportingSuccessWhenKafkaIsUnreachable() {
        DefaultKafkaProducerFactory<String, byte[]> nowhere = TestProducers.producers("127.0.0.1:1", 1_000);
        EventPublisher unreachable = new KafkaEventPublisher(new KafkaTemplate<>(nowhere), new EventCodec(),
                "activity-service", Duration.ofSeconds(3), meters);
        try {
            EventEnvelope<FollowUpLogged> call = unreachable.envelope(UUID.randomUUID(), Instant.now(),
                    new FollowUpLogged("api", "c-1", "r-1", "c-1", FollowUpChannel.CALL, 60, null, Instant.now()));

            assertThatThrownBy(() -> unreachable.publish(List.of(call)))
                    .isInstanceOf(EventPublisher.PublishFailedException.class);
            assertThat(meters.timer("quotaflow.events.publish", "outcome", "failed").count()).isEqualTo(1);
        } finally {
            nowhere.destroy();
        }
    }
}
