package io.quotaflow.platform.messaging;

import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quotaflow.events.EventCodec;
import io.quotaflow.events.EventEnvelope;
import io.quotaflow.events.EventIds;
import io.quotaflow.events.activity.ActivityEvent;
import io.quotaflow.events.activity.FollowUpChannel;
import io.quotaflow.events.activity.FollowUpLogged;
import io.quotaflow.testsupport.EmbeddedInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.messaging.support.MessageBuilder;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Against the real MongoDB wire protocol: redelivered events reach the handler once. */
class IdempotentConsumerIT {

    private final MongoTemplate mongo = new MongoTemplate(
            MongoClients.create(EmbeddedInfrastructure.shared().mongoConnectionString()), "platform-it");
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final EventCodec codec = new EventCodec();
    private final IdempotentConsumer consumer = new IdempotentConsumer(mongo, codec, meters, Clock.systemUTC());
    private final List<UUID> handled = new ArrayList<>();

    @Test
    void shouldHandleAnEventDeliveredTwiceOnce() {
        EventEnvelope<ActivityEvent> call = followUp("call-" + UUID.randomUUID());
        byte[] record = codec.encode(call);

        consumer.accept("kpi", MessageBuilder.withPayload(record).build(), ActivityEvent.class, e -> handled.add(e.eventId()));
        consumer.accept("kpi", MessageBuilder.withPayload(record).build(), ActivityEvent.class, e -> handled.add(e.eventId()));

        assertThat(handled).containsExactly(call.eventId());
        assertThat(consumer.processed("kpi", call.eventId())).isTrue();
        assertThat(meters.counter("quotaflow.events.consumed", "consumer", "kpi", "type", "FollowUpLogged",
                "outcome", "duplicate").count()).isEqualTo(1);
    }

    @Test
    void shouldKeepConsumersApart() {
        EventEnvelope<ActivityEvent> call = followUp("call-" + UUID.randomUUID());

        consumer.accept("kpi", call, e -> handled.add(e.eventId()));
        consumer.accept("incentive", call, e -> handled.add(e.eventId()));

        assertThat(handled).containsExactly(call.eventId(), call.eventId());
    }

    @Test
    void shouldRedeliverAnEventWhoseHandlerFailed() {
        EventEnvelope<ActivityEvent> call = followUp("call-" + UUID.randomUUID());

        assertThatThrownBy(() -> consumer.accept("kpi", call, e -> {
            throw new IllegalStateException("database hiccup");
        })).hasMessage("database hiccup");
        consumer.accept("kpi", call, e -> handled.add(e.eventId()));

        assertThat(handled).containsExactly(call.eventId());
    }

    @Test
    void shouldSkipEventTypesItDoesNotKnow() {
        String newer = "{\"eventId\":\"" + UUID.randomUUID() + "\",\"eventType\":\"QuotaDoubled\",\"eventVersion\":1,"
                + "\"occurredAt\":\"2026-12-01T00:00:00Z\",\"source\":\"s\",\"subject\":\"r-001\",\"payload\":{}}";

        consumer.accept("kpi", MessageBuilder.withPayload(newer.getBytes(StandardCharsets.UTF_8)).build(),
                ActivityEvent.class, e -> handled.add(e.eventId()));

        assertThat(handled).isEmpty();
    }

    @Test
    void shouldRethrowMalformedRecordsForTheDeadLetterTopic() {
        assertThatThrownBy(() -> consumer.accept("kpi",
                MessageBuilder.withPayload("{oops".getBytes(StandardCharsets.UTF_8)).build(), ActivityEvent.class,
                e -> handled.add(e.eventId())))
                .isInstanceOf(EventCodec.MalformedEventException.class);
    }

    private static EventEnvelope<ActivityEvent> followUp(String externalId) {
        FollowUpLogged event = new FollowUpLogged("api", externalId, "r-001", "c-1", FollowUpChannel.CALL, 300,
                null, Instant.parse("2026-12-02T02:00:00Z"));
        return EventEnvelope.of(EventIds.of("api", externalId, "FOLLOW_UP_LOGGED"), event.occurredAt(),
                "quotaflow/activity-service", "corr-1", event);
    }
}
