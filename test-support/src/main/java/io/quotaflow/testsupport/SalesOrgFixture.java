package io.quotaflow.testsupport;

import io.quotaflow.events.EventCodec;
import io.quotaflow.events.EventEnvelope;
import io.quotaflow.events.EventHeaders;
import io.quotaflow.events.EventIds;
import io.quotaflow.events.Topics;
import io.quotaflow.events.org.OrgEvent;
import io.quotaflow.events.org.RepChanged;
import io.quotaflow.events.org.TeamChanged;
import io.quotaflow.events.org.TeamMembership;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Puts a sales org on the {@code sales-org} topic as target-service would, so that a service's tests can give
 * it reps and teams without running target-service. Events get the ids target-service gives them
 * ({@code org / entity key / revision}).
 */
public final class SalesOrgFixture {

    private static final EventCodec CODEC = new EventCodec();

    private SalesOrgFixture() {
    }

    /** Publishes the events in order and waits until Kafka acknowledged them. */
    public static void publish(String bootstrapServers, List<? extends OrgEvent> events) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new StringSerializer(), new ByteArraySerializer())) {
            List<Future<?>> acks = new ArrayList<>();
            for (OrgEvent event : events) {
                EventEnvelope<OrgEvent> envelope = EventEnvelope.of(
                        EventIds.of("org", event.entityKey(), Long.toString(event.revision())), Instant.now(),
                        "quotaflow/target-service", null, event);
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.SALES_ORG.name(),
                        event.entityKey(), CODEC.encode(envelope));
                record.headers().add(EventHeaders.EVENT_ID, envelope.eventId().toString().getBytes(StandardCharsets.UTF_8))
                        .add(EventHeaders.EVENT_TYPE, envelope.eventType().getBytes(StandardCharsets.UTF_8));
                acks.add(producer.send(record));
            }
            for (Future<?> ack : acks) {
                ack.get(60, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish the sales org", e);
        }
    }

    /** A team (revision 1). */
    public static TeamChanged team(String teamId, String regionId, String managerId) {
        return new TeamChanged(teamId, "Team " + teamId, regionId, managerId, 1);
    }

    /** A full-time rep on one team since {@code hiredOn} (revision 1). */
    public static RepChanged rep(String repId, String teamId, LocalDate hiredOn) {
        return new RepChanged(repId, "Rep " + repId, teamId, hiredOn, null, BigDecimal.ONE,
                List.of(new TeamMembership(teamId, hiredOn, null)), 1);
    }
}
