package io.quotaflow.activity.crm.hubspot;

import io.quotaflow.activity.crm.CrmProperties;
import io.quotaflow.activity.ingestion.Field;
import io.quotaflow.activity.ingestion.RawActivity;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What HubSpot's events and the objects read for them make as activities (the webhook from HubSpot to Kafka is
 * {@link HubSpotWebhookIT}'s).
 */
class HubSpotEventsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void shouldGiveNoChannelForASourceTheMapDoesNotListOrNoSourceAtAll() {
        JsonNode contactCreated = event("contact.creation", Map.of());

        assertThat(activity(events(), contactCreated, Map.of("hubspot_owner_id", "hs-owner-501",
                "hs_analytics_source", "AI_REFERRALS")).get(Field.CHANNEL)).isNull();
        assertThat(activity(events(), contactCreated, Map.of("hubspot_owner_id", "hs-owner-501"))
                .get(Field.CHANNEL)).isNull();
    }

    private static HubSpotEvents events() {
        return new HubSpotEvents(new CrmProperties.HubSpot(null, null, null, null, null, null, null,
                Map.of("REFERRALS", "REFERRAL"), null, null, null), "CNY");
    }

    private static RawActivity activity(HubSpotEvents events, JsonNode event, Map<String, String> properties) {
        HubSpotEvents.ObjectToRead read = events.objectToRead(event).orElseThrow();
        return events.activity(event, read, JSON.valueToTree(Map.of("id", "9001", "properties", properties)));
    }

    /** A webhook event as HubSpot documents it: ids and the changed property only. */
    private static JsonNode event(String subscription, Map<String, Object> more) {
        Map<String, Object> event = new LinkedHashMap<>(Map.of("eventId", 100, "subscriptionId", 1859972,
                "portalId", 62515, "appId", 1109808, "occurredAt", 1_800_000_000_000L, "subscriptionType",
                subscription, "attemptNumber", 0, "objectId", 9001, "changeSource", "CRM_UI"));
        event.putAll(more);
        return JSON.valueToTree(event);
    }
}
