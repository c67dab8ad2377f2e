package io.quotaflow.localstack.demo;

import io.quotaflow.localstack.demo.DemoActivity.Route;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class HubSpotPortalTest {

    private static final DemoData DEMO = new DemoGenerator(DemoScenario.standard().withReps(5), ZoneId.of("Asia/Shanghai"))
            .generate(YearMonth.of(2026, 12));
    private static final Map<String, String> OWNERS = DEMO.reps().stream().filter(rep -> rep.hubspotOwnerId() != null)
            .collect(Collectors.toMap(DemoRep::id, DemoRep::hubspotOwnerId));
    /**
     * What activity-service asks HubSpot's API for (its HubSpotEvents): a deal's standard properties, its lead source
     * and the properties the demo names in {@code deal-fields}.
     */
    private static final List<String> DEAL_PROPERTIES = Stream.concat(Stream.of("dealname", "amount",
            "deal_currency_code", "dealstage", "closedate", "createdate", "hubspot_owner_id", "pipeline",
            "hs_analytics_source"), HubSpotPortal.DEAL_FIELDS.values().stream()).toList();
    private static final List<String> CONTACT_PROPERTIES = List.of("hubspot_owner_id", "lifecyclestage",
            "hs_analytics_source", "createdate");
    private static final List<String> ENGAGEMENT_PROPERTIES = List.of("hs_timestamp", "hubspot_owner_id",
            "hs_call_duration", "hs_meeting_start_time", "hs_meeting_end_time");
    /** activity-service's default lead-channel map (application.yml, quotaflow.activity.crm.hubspot.lead-channels). */
    private static final Map<String, String> LEAD_CHANNELS = Map.of("PAID_SEARCH", "SEARCH_ADS", "ORGANIC_SEARCH",
            "SEARCH_ADS", "SOCIAL_MEDIA", "SHORT_VIDEO", "PAID_SOCIAL", "SHORT_VIDEO", "REFERRALS", "REFERRAL", "OFFLINE",
            "OFFLINE_EVENT", "EMAIL_MARKETING", "PRIVATE_DOMAIN", "DIRECT_TRAFFIC", "PRIVATE_DOMAIN");

    private final HubSpotPortal portal = HubSpotPortal.start("demo-client-secret", 4_420_001L);
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        portal.close();
    }

    @Test
    void shouldSignAsHubSpotsV3SignatureDoes() {
        // Base64(HMAC-SHA256(secret, method + URI + body + timestamp)), computed independently with Python's hmac.
        assertThat(portal.sign("POST", "http://127.0.0.1:8080/api/crm/hubspot",
                "[{\"eventId\":1}]".getBytes(StandardCharsets.UTF_8), "1764547200000"))
                .isEqualTo("MQ5qDr8Qf0ZNuHhcFGRq2X03qPQ3SBg0I1JSIGOEUMk=");
    }

    @Test
    void shouldServeARecordedDealInHubSpotsShapeOnlyToTheBearerOfThePrivateAppToken() throws Exception {
        DemoActivity won = first(a -> a.type().equals("DEAL_CLOSED"));
        portal.record(won, OWNERS.get(won.repId()));
        String url = portal.apiBaseUrl() + "/crm/v3/objects/deals/" + won.crmObjectId()
                + "?properties=amount,dealstage,closedate,hubspot_owner_id&associations=companies,contacts&archived=false";

        HttpResponse<String> answer = get(url, portal.accessToken());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/json"));
        JsonNode deal = GatewayClient.JSON.readTree(answer.body());
        assertThat(deal.path("id").asString()).isEqualTo(won.crmObjectId());
        assertThat(deal.path("archived").asBoolean()).isFalse();
        assertThat(deal.path("createdAt").asString()).isNotEmpty();
        assertThat(deal.path("properties").path("dealstage").asString()).isEqualTo("closedwon");
        assertThat(deal.path("properties").path("amount").asString()).isEqualTo(won.field("amount"));
        assertThat(Instant.parse(deal.path("properties").path("closedate").asString())).isEqualTo(won.occurredAt());
        assertThat(deal.path("properties").path("hubspot_owner_id").asString()).isEqualTo(OWNERS.get(won.repId()));
        assertThat(deal.path("properties").path("hs_object_id").asString()).as("a default property")
                .isEqualTo(won.crmObjectId());
        assertThat(deal.path("properties").has("pipeline")).as("a property not asked for").isFalse();
        assertThat(deal.path("associations").path("companies").path("results").path(0).path("id").asString())
                .isEqualTo(won.field("customerId"));
        assertThat(deal.path("associations").path("companies").path("results").path(0).path("type").asString())
                .isEqualTo("deal_to_company");

        HttpResponse<String> anonymous = get(url, "someone-elses-token");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(GatewayClient.JSON.readTree(anonymous.body()).path("category").asString())
                .isEqualTo("INVALID_AUTHENTICATION");
        HttpResponse<String> unknown = get(portal.apiBaseUrl() + "/crm/v3/objects/deals/1?properties=amount",
                portal.accessToken());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(GatewayClient.JSON.readTree(unknown.body()).path("category").asString()).isEqualTo("OBJECT_NOT_FOUND");
    }

    @Test
    void shouldNameTheDealPropertiesOfAWinToActivityServiceAsEnvironmentVariables() {
        DemoActivity won = first(a -> a.type().equals("DEAL_CLOSED") && a.field("productLine") != null);
        portal.record(won, OWNERS.get(won.repId()));

        assertThat(portal.environment()).containsEntry("QUOTAFLOW_ACTIVITY_CRM_HUBSPOT_DEALFIELDS_PRODUCTLINE",
                        "product_line").containsEntry("QUOTAFLOW_ACTIVITY_CRM_HUBSPOT_DEALFIELDS_REGIONID", "sales_region")
                .containsEntry("QUOTAFLOW_ACTIVITY_CRM_HUBSPOT_DEALFIELDS_GROSSMARGIN", "gross_margin_amount")
                .containsEntry("QUOTAFLOW_ACTIVITY_CRM_HUBSPOT_DEALFIELDS_PROMOTIONCODE", "promotion_code");
        JsonNode deal = portal.read("deals", won.crmObjectId(), DEAL_PROPERTIES, List.of()).path("properties");
        assertThat(deal.path("product_line").asString()).isEqualTo(won.field("productLine"));
        assertThat(deal.path("sales_region").asString()).isEqualTo(won.field("regionId"));
        assertThat(deal.path("gross_margin_amount").asString()).isEqualTo(won.field("grossMargin"));
    }

    @Test
    void shouldServeADealAsItStoodWhenEachOfItsEventsHappened() {
        Set<String> opened = DEMO.current().stream().filter(a -> a.route() == Route.HUBSPOT
                && a.type().equals("OPPORTUNITY_STAGE_CHANGED")).map(DemoActivity::crmObjectId).collect(Collectors.toSet());
        DemoActivity won = first(a -> a.type().equals("DEAL_CLOSED") && opened.contains(a.crmObjectId()));
        DemoActivity open = first(a -> a.type().equals("OPPORTUNITY_STAGE_CHANGED")
                && a.crmObjectId().equals(won.crmObjectId()));

        portal.record(open, OWNERS.get(open.repId()));
        JsonNode before = portal.read("deals", won.crmObjectId(), DEAL_PROPERTIES, List.of());
        portal.record(won, OWNERS.get(won.repId()));
        JsonNode after = portal.read("deals", won.crmObjectId(), DEAL_PROPERTIES, List.of());

        assertThat(before.path("properties").path("dealstage").asString()).isEqualTo(HubSpotPortal.OPEN_STAGE);
        assertThat(before.path("properties").has("amount")).isFalse();
        assertThat(after.path("properties").path("dealstage").asString()).isEqualTo("closedwon");
        assertThat(after.path("properties").path("amount").asString()).isEqualTo(won.field("amount"));
    }

    /**
     * Every HubSpot activity of the demo, sent as its event and read back as activity-service reads HubSpot (the rules
     * of its README and HubSpotEvents), gives back exactly the fields the demo counts it with.
     */
    @Test
    void shouldGiveBackEachActivitysFieldsFromItsEventAndObjectAsActivityServiceReadsThem() {
        List<DemoActivity> viaHubSpot = DEMO.current().stream().filter(a -> a.route() == Route.HUBSPOT).toList();
        assertThat(viaHubSpot).extracting(DemoActivity::type).contains("DEAL_CLOSED", "OPPORTUNITY_STAGE_CHANGED",
                "LEAD_CREATED", "LEAD_QUALIFIED", "FOLLOW_UP_LOGGED");

        for (List<DemoActivity> delivery : HubSpotPortal.deliveries(viaHubSpot)) {
            delivery.forEach(a -> portal.record(a, OWNERS.get(a.repId())));
            JsonNode events = portal.events(delivery, OWNERS);
            for (int i = 0; i < delivery.size(); i++) {
                DemoActivity activity = delivery.get(i);
                JsonNode event = events.get(i);
                assertThat(event.path("portalId").asLong()).isEqualTo(4_420_001L);
                assertThat(event.path("objectId").isNumber()).isTrue();
                assertThat(event.path("eventId").isNumber()).isTrue();
                assertThat(event.path("attemptNumber").asInt()).isZero();
                assertThat(readBack(event)).as(activity.toString()).isEqualTo(activity.fields());
            }
        }
    }

    @Test
    void shouldNeverNameAnObjectTwiceInOneDeliveryNorSendMoreThanAHundredEvents() {
        List<DemoActivity> viaHubSpot = DEMO.current().stream().filter(a -> a.route() == Route.HUBSPOT).toList();
        DemoActivity lead = first(a -> a.type().equals("LEAD_QUALIFIED"));
        DemoActivity created = first(a -> a.type().equals("LEAD_CREATED") && a.crmObjectId().equals(lead.crmObjectId()));

        List<List<DemoActivity>> deliveries = HubSpotPortal.deliveries(viaHubSpot);
        List<List<DemoActivity>> bothOfALead = HubSpotPortal.deliveries(List.of(created, lead));

        assertThat(deliveries.stream().mapToInt(List::size).sum()).isEqualTo(viaHubSpot.size());
        assertThat(deliveries.stream().flatMap(List::stream).toList()).isEqualTo(viaHubSpot);
        assertThat(deliveries).allSatisfy(delivery -> {
            assertThat(delivery).hasSizeBetween(1, 100);
            assertThat(delivery.stream().map(a -> HubSpotPortal.objectType(a) + "/" + a.crmObjectId()))
                    .doesNotHaveDuplicates();
        });
        assertThat(bothOfALead).containsExactly(List.of(created), List.of(lead));
    }

    /** The canonical fields activity-service makes of a HubSpot event and the object it reads for it. */
    private Map<String, String> readBack(JsonNode event) {
        String subscription = event.path("subscriptionType").asString();
        String id = event.path("objectId").asString();
        Map<String, String> f = new LinkedHashMap<>();
        f.put("source", "hubspot");
        f.put("externalId", event.path("eventId").asString());
        f.put("occurredAt", Instant.ofEpochMilli(event.path("occurredAt").asLong()).toString());
        if (subscription.startsWith("deal.")) {
            JsonNode p = portal.read("deals", id, DEAL_PROPERTIES, List.of("companies", "contacts")).path("properties");
            String stage = subscription.equals("deal.propertyChange") ? event.path("propertyValue").asString()
                    : p.path("dealstage").asString();
            f.put("opportunityCreatedAt", instant(p.path("createdate")));
            if (stage.equals("closedwon")) {
                f.put("type", "DEAL_CLOSED");
                f.put("externalId", "deal-" + id);
                f.put("occurredAt", instant(p.path("closedate")));
                f.put("amount", p.path("amount").asString());
                f.put("currency", p.path("deal_currency_code").asString());
                HubSpotPortal.DEAL_FIELDS.forEach((field, property) -> {
                    if (p.hasNonNull(property)) {
                        f.put(field, p.path(property).asString());
                    }
                });
                String channel = LEAD_CHANNELS.get(p.path("hs_analytics_source").asString());
                if (channel != null) {
                    f.put("channel", channel);
                }
            } else {
                f.put("type", "OPPORTUNITY_STAGE_CHANGED");
                f.put("stage", Map.of("closedlost", "LOST").getOrDefault(stage, stage));
            }
            f.put("dealId", id);
            return owned(f, portal.read("deals", id, DEAL_PROPERTIES, List.of("companies", "contacts")));
        }
        if (subscription.startsWith("contact.")) {
            JsonNode contact = portal.read("contacts", id, CONTACT_PROPERTIES, List.of("companies"));
            assertThat(subscription.equals("contact.creation") || event.path("propertyValue").asString()
                    .equals("salesqualifiedlead")).isTrue();
            f.put("type", subscription.equals("contact.creation") ? "LEAD_CREATED" : "LEAD_QUALIFIED");
            String channel = LEAD_CHANNELS.get(contact.path("properties").path("hs_analytics_source").asString());
            if (channel != null) {
                f.put("channel", channel);
            }
            return owned(f, contact);
        }
        assertThat(subscription).isEqualTo("object.creation");
        String type = Map.of("0-48", "calls", "0-47", "meetings", "0-49", "emails")
                .get(event.path("objectTypeId").asString());
        JsonNode engagement = portal.read(type, id, ENGAGEMENT_PROPERTIES, List.of("companies", "contacts", "deals"));
        JsonNode p = engagement.path("properties");
        f.put("type", "FOLLOW_UP_LOGGED");
        f.put("occurredAt", instant(p.path("hs_timestamp")));
        f.put("channel", Map.of("calls", "CALL", "meetings", "MEETING", "emails", "EMAIL").get(type));
        if (p.has("hs_call_duration")) {
            f.put("durationSeconds", Long.toString(p.path("hs_call_duration").asLong() / 1000));
        } else if (p.has("hs_meeting_start_time")) {
            f.put("durationSeconds", Long.toString(Duration.between(Instant.parse(p.path("hs_meeting_start_time")
                    .asString()), Instant.parse(p.path("hs_meeting_end_time").asString())).toSeconds()));
        }
        return owned(f, engagement);
    }

    /** The rep (through the owner mapping) and the customer (the first associated company) of an object. */
    private static Map<String, String> owned(Map<String, String> fields, JsonNode object) {
        String owner = object.path("properties").path("hubspot_owner_id").asString();
        fields.put("repId", OWNERS.entrySet().stream().filter(e -> e.getValue().equals(owner)).map(Map.Entry::getKey)
                .findFirst().orElse(null));
        JsonNode company = object.path("associations").path("companies").path("results").path(0).path("id");
        if (!company.isMissingNode()) {
            fields.put("customerId", company.asString());
        }
        return fields;
    }

    private static String instant(JsonNode text) {
        return Instant.parse(text.asString()).toString();
    }

    private HttpResponse<String> get(String url, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static DemoActivity first(Predicate<DemoActivity> which) {
        return DEMO.current().stream().filter(a -> a.route() == Route.HUBSPOT).filter(which).findFirst().orElseThrow();
    }
}
