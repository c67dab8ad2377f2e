package io.quotaflow.activity.ingestion;

import io.quotaflow.activity.ActivityApi;
import io.quotaflow.activity.ActivityMother;
import io.quotaflow.activity.Body;
import io.quotaflow.activity.PublishedActivities;
import io.quotaflow.activity.TestOrg;
import io.quotaflow.activity.TestRates;
import io.quotaflow.activity.crm.CrmTestSettings;
import io.quotaflow.activity.crm.HubSpotStub;
import io.quotaflow.activity.crm.Signatures;
import io.quotaflow.events.EventIds;
import io.quotaflow.events.Topics;
import io.quotaflow.events.activity.ActivityEvent;
import io.quotaflow.platform.org.OrgDirectory;
import io.quotaflow.testsupport.EmbeddedInfrastructure;
import io.quotaflow.testsupport.EventTap;
import io.quotaflow.testsupport.ServiceIT;
import io.quotaflow.testsupport.TestTokens;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The same activity sent three ways — the canonical API, a batch, a HubSpot webhook and HubSpot's retry of it — gets
 * one event id, answered as a duplicate after the first; and even a second copy of the event on Kafka (a publish
 * retried after a lost acknowledgement) has one effect downstream: one entry in the timeline, a ledger consumer.
 */
@ServiceIT
class ExactlyOnceIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    RestTestClient http;
    @Autowired
    OrgDirectory org;

    @Test
    void shouldGiveTheSameActivityOneEventIdAndOneDownstreamEffectWhicheverWayItCame() throws Exception {
        String rep = TestOrg.newRep(org, TestOrg.TEAM);
        String owner = "hs-owner-" + rep;
        ActivityApi admin = new ActivityApi(http, TestTokens.shared().admin());
        ActivityApi integration = new ActivityApi(http, TestTokens.shared().integration());
        TestRates.owner(admin, "hubspot", owner, rep);
        long hubspotEventId = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000_000L);
        String call = Long.toString(hubspotEventId % 1_000_000_000L);
        HubSpotStub.object("calls", call, Map.of("hs_timestamp", ActivityMother.OCCURRED_AT,
                "hubspot_owner_id", owner), Map.of("companies", List.of("c-100")));
        Body canonical = ActivityMother.followUpLogged(rep).with("source", "hubspot")
                .with("externalId", Long.toString(hubspotEventId)).with("customerId", "c-100")
                .without("dealId").without("durationSeconds");
        UUID expected = EventIds.of("hubspot", Long.toString(hubspotEventId), "FOLLOW_UP_LOGGED");

        try (PublishedActivities published = PublishedActivities.tail()) {
            ActivityApi.Accepted first = integration.accepted(canonical);
            ActivityApi.BatchResult batch = integration.batch(List.of(canonical)).expectStatus().isAccepted()
                    .expectBody(ActivityApi.BatchResult.class).returnResult().getResponseBody();
            hubspot(hubspotEventId, call, 0).expectStatus().isOk().expectBody().jsonPath("$.duplicates").isEqualTo(1);
            hubspot(hubspotEventId, call, 1).expectStatus().isOk().expectBody().jsonPath("$.duplicates").isEqualTo(1);

            assertThat(first.eventId()).isEqualTo(expected);
            assertThat(first.duplicate()).isFalse();
            assertThat(batch.results()).singleElement().satisfies(result -> {
                assertThat(result.eventId()).isEqualTo(expected);
                assertThat(result.duplicate()).isTrue();
            });
            EventTap.Received<ActivityEvent> record = published.awaitRecord(expected);
            assertThat(published.copiesOf(expected)).as("copies published by the service").isEqualTo(1);

            publishAgain(record);
            awaitTimeline(admin, rep, expected);
        }
    }

    /** A second copy of an event on the topic, as a publish retried after a lost acknowledgement leaves it. */
    private static void publishAgain(EventTap.Received<ActivityEvent> record) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedInfrastructure.shared().kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> copy = new ProducerRecord<>(Topics.SALES_ACTIVITIES.name(), record.key(),
                    new io.quotaflow.events.EventCodec().encode(record.envelope()));
            record.headers().forEach((name, value) -> copy.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
            producer.send(copy).get(30, TimeUnit.SECONDS);
        }
    }

    /** The timeline holds the activity once, also after the copy (and a later activity) went through the consumer. */
    private void awaitTimeline(ActivityApi admin, String rep, UUID expected) {
        UUID later = new ActivityApi(http, TestTokens.shared().integration())
                .accepted(ActivityMother.followUpLogged(rep).with("occurredAt", "2027-01-19T09:00:00Z")).eventId();
        List<?> items = await().atMost(Duration.ofSeconds(30)).until(() -> admin.get("/api/activities?repId=" + rep)
                        .expectStatus().isOk().expectBody(Page.class).returnResult().getResponseBody().items(),
                page -> page.size() >= 2 && page.toString().contains(later.toString()));
        assertThat(items).hasSize(2);
        assertThat(items.stream().filter(item -> item.toString().contains(expected.toString()))).hasSize(1);
    }

    private RestTestClient.ResponseSpec hubspot(long eventId, String call, int attempt) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("eventId", eventId);
        event.put("subscriptionId", 1859972);
        event.put("portalId", CrmTestSettings.HUBSPOT_PORTAL);
        event.put("appId", 1109808);
        event.put("occurredAt", Instant.parse(ActivityMother.OCCURRED_AT).toEpochMilli());
        event.put("subscriptionType", "call.creation");
        event.put("attemptNumber", attempt);
        event.put("objectId", Long.parseLong(call));
        byte[] body = JSON.writeValueAsBytes(List.of(event));
        String timestamp = Long.toString(System.currentTimeMillis());
        String uri = "https://hooks.quotaflow.example/api/crm/hubspot";
        String signature = Base64.getEncoder().encodeToString(Signatures.hmacSha256(CrmTestSettings.HUBSPOT_SECRET,
                ("POST" + uri).getBytes(StandardCharsets.UTF_8), body, timestamp.getBytes(StandardCharsets.UTF_8)));
        return http.post().uri("/api/crm/hubspot").contentType(MediaType.APPLICATION_JSON)
                .header("X-HubSpot-Signature-v3", signature).header("X-HubSpot-Request-Timestamp", timestamp)
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "hooks.quotaflow.example")
                .body(body).exchange();
    }

    record Page(List<Map<String, Object>> items) {
    }
}
