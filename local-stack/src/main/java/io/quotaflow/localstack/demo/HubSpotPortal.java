package io.quotaflow.localstack.demo;

import io.quotaflow.localstack.crm.HubSpotCrmApi;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The demo's HubSpot account, as far as Quotaflow sees one: the webhook events of the HubSpot team's activity (ids
 * only, signed with {@code X-HubSpot-Signature-v3} under the app's client secret) and HubSpot's CRM API answering
 * {@code GET /crm/v3/objects/{deals|contacts|calls|meetings|emails}/{id}} for the objects those events name, in
 * HubSpot's response shape, to callers with the private app's bearer token ({@link HubSpotCrmApi}). An object is
 * served as it stands after the activities {@link #record recorded} so far, so a deal created in an open stage reads
 * as open until its win is recorded. The API listens on 127.0.0.1 on a free port; activity-service is pointed at it
 * ({@link #environment()}).
 */
public final class HubSpotPortal implements AutoCloseable {

    /** The portal (HubSpot account) the demo's events come from when the environment names none. */
    public static final long DEMO_PORTAL = 4_420_001L;
    /** The stage of an open deal in HubSpot's default pipeline: it passes activity-service's stage map unchanged. */
    static final String OPEN_STAGE = "presentationscheduled";
    /** Lead channel → a contact's {@code hs_analytics_source}, as activity-service's default lead-channel map reads it back. */
    static final Map<String, String> ANALYTICS_SOURCES = Map.of("SEARCH_ADS", "PAID_SEARCH", "SHORT_VIDEO",
            "SOCIAL_MEDIA", "REFERRAL", "REFERRALS", "OFFLINE_EVENT", "OFFLINE", "PRIVATE_DOMAIN", "EMAIL_MARKETING");
    /**
     * The demo portal's custom deal properties, by the canonical field each holds (the names activity-service's
     * {@code deal-fields} setting takes, in an environment variable's spelling).
     */
    public static final Map<String, String> DEAL_FIELDS = Map.of("productLine", "product_line", "regionId",
            "sales_region", "grossMargin", "gross_margin_amount", "promotionCode", "promotion_code");
    /** The source of a contact whose channel HubSpot has no source for (activity-service maps it to no channel). */
    static final String OTHER_SOURCE = "OTHER_CAMPAIGNS";

    /** Whether HubSpot carries the lead channel: it has a source that activity-service reads back as it. */
    static boolean carries(String channel) {
        return channel != null && ANALYTICS_SOURCES.containsKey(channel);
    }

    /** A contact's or a deal's {@code hs_analytics_source} for the lead channel ({@link #OTHER_SOURCE} if none). */
    static String analyticsSource(String channel) {
        return carries(channel) ? ANALYTICS_SOURCES.get(channel) : OTHER_SOURCE;
    }
    private static final long APP_ID = 3_310_442L;
    private static final int MAX_EVENTS = 100;
    private static final Map<String, String> ENGAGEMENTS = Map.of("CALL", "calls", "MEETING", "meetings",
            "EMAIL", "emails");
    private static final Map<String, String> OBJECT_TYPE_IDS = Map.of("calls", "0-48", "meetings", "0-47",
            "emails", "0-49");

    private final String clientSecret;
    private final long portalId;
    private final HubSpotCrmApi api;

    private HubSpotPortal(String clientSecret, long portalId, HubSpotCrmApi api) {
        this.clientSecret = clientSecret;
        this.portalId = portalId;
        this.api = api;
    }

    /** The portal with its API listening on 127.0.0.1 (a free port). */
    public static HubSpotPortal start(String clientSecret, long portalId) {
        return new HubSpotPortal(clientSecret, portalId,
                HubSpotCrmApi.start("pat-na1-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(16))));
    }

    public String apiBaseUrl() {
        return api.baseUrl();
    }

    /**
     * What activity-service is started with to accept this portal's webhooks and read its objects, and which deal
     * properties of {@link #DEAL_FIELDS} hold a won deal's product line, region, margin and promotion.
     */
    public Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>(Map.of("HUBSPOT_CLIENT_SECRET", clientSecret,
                "HUBSPOT_PORTAL_ID", Long.toString(portalId), "HUBSPOT_API_BASE_URL", apiBaseUrl(),
                "HUBSPOT_ACCESS_TOKEN", api.accessToken()));
        DEAL_FIELDS.forEach((field, property) -> environment.put("QUOTAFLOW_ACTIVITY_CRM_HUBSPOT_DEALFIELDS_"
                + field.toUpperCase(Locale.ROOT), property));
        return environment;
    }

    String accessToken() {
        return api.accessToken();
    }

    @Override
    public void close() {
        api.close();
    }

    // ---- the webhook ------------------------------------------------------------------------------------------

    /** HubSpot's v3 signature: Base64 HMAC-SHA256 of method + URI + body + timestamp under the client secret. */
    String sign(String method, String uri, byte[] body, String timestamp) {
        return Base64.getEncoder().encodeToString(ActivityFeeds.hmac(clientSecret,
                (method + uri).getBytes(StandardCharsets.UTF_8), body, timestamp.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The activities as webhook deliveries, in order: at most 100 events each (HubSpot's batch), and no object twice
     * in one, so that each event's object is read as it stood when the event happened.
     */
    static List<List<DemoActivity>> deliveries(List<DemoActivity> activities) {
        List<List<DemoActivity>> deliveries = new ArrayList<>();
        List<DemoActivity> current = new ArrayList<>();
        Set<String> objectsInCurrent = new HashSet<>();
        for (DemoActivity activity : activities) {
            if (current.size() == MAX_EVENTS || !objectsInCurrent.add(objectType(activity) + "/" + activity.crmObjectId())) {
                deliveries.add(current);
                current = new ArrayList<>();
                objectsInCurrent.clear();
                objectsInCurrent.add(objectType(activity) + "/" + activity.crmObjectId());
            }
            current.add(activity);
        }
        if (!current.isEmpty()) {
            deliveries.add(current);
        }
        return deliveries;
    }

    /** One delivery's body: HubSpot's event of each activity, by its owner (for {@code sourceId}). */
    ArrayNode events(List<DemoActivity> delivery, Map<String, String> owners) {
        ArrayNode events = GatewayClient.JSON.createArrayNode();
        for (DemoActivity a : delivery) {
            String type = objectType(a);
            ObjectNode event = events.addObject()
                    .put("eventId", eventId(a))
                    .put("subscriptionId", 2_104_000L + List.of("deals", "contacts", "calls", "meetings", "emails")
                            .indexOf(type))
                    .put("portalId", portalId)
                    .put("appId", APP_ID)
                    .put("occurredAt", a.occurredAt().toEpochMilli());
            switch (a.type()) {
                case "DEAL_CLOSED" -> propertyChange(event, "deal", "dealstage", "closedwon");
                case "OPPORTUNITY_STAGE_CHANGED" -> {
                    if (a.field("stage").equals("LOST")) {
                        propertyChange(event, "deal", "dealstage", "closedlost");
                    } else {
                        event.put("subscriptionType", "deal.creation");
                    }
                }
                case "LEAD_CREATED" -> event.put("subscriptionType", "contact.creation");
                case "LEAD_QUALIFIED" -> propertyChange(event, "contact", "lifecyclestage", "salesqualifiedlead");
                default -> event.put("subscriptionType", "object.creation").put("objectTypeId", OBJECT_TYPE_IDS.get(type));
            }
            event.put("attemptNumber", 0).put("objectId", Long.parseLong(a.crmObjectId()));
            if (event.path("subscriptionType").asString().endsWith("creation")) {
                event.put("changeFlag", "CREATED");
            }
            event.put("changeSource", "CRM_UI").put("sourceId", "userId:" + owners.get(a.repId()));
        }
        return events;
    }

    private static void propertyChange(ObjectNode event, String object, String property, String value) {
        event.put("subscriptionType", object + ".propertyChange").put("propertyName", property)
                .put("propertyValue", value);
    }

    /** HubSpot's eventId: the activity's external id, or, for a win (whose external id is the deal's), one made from the deal. */
    static long eventId(DemoActivity a) {
        return a.type().equals("DEAL_CLOSED") ? Long.parseLong("9" + a.crmObjectId()) : Long.parseLong(a.field("externalId"));
    }

    // ---- the CRM API ------------------------------------------------------------------------------------------

    /** The HubSpot object an activity is about: deals, contacts, calls, meetings or emails. */
    static String objectType(DemoActivity a) {
        return switch (a.type()) {
            case "DEAL_CLOSED", "OPPORTUNITY_STAGE_CHANGED" -> "deals";
            case "LEAD_CREATED", "LEAD_QUALIFIED" -> "contacts";
            default -> ENGAGEMENTS.get(a.field("channel"));
        };
    }

    /** Brings the activity's object up to date with it; {@code ownerId} is the rep's HubSpot owner. */
    void record(DemoActivity a, String ownerId) {
        String type = objectType(a);
        api.change(type, a.crmObjectId(), () -> HubSpotCrmApi.object(type, a.crmObjectId(), Map.of(), Map.of(),
                a.occurredAt(), a.occurredAt()), object -> update(object, type, a, ownerId));
    }

    private static void update(ObjectNode object, String type, DemoActivity a, String ownerId) {
        ObjectNode p = (ObjectNode) object.get("properties");
        p.put("hubspot_owner_id", ownerId).put("hs_lastmodifieddate", at(a.occurredAt()));
        object.put("updatedAt", at(a.occurredAt()));
        switch (type) {
            case "deals" -> {
                Instant created = Instant.parse(a.field("opportunityCreatedAt"));
                p.put("dealname", "Deal " + a.crmObjectId()).put("pipeline", "default").put("createdate", at(created));
                object.put("createdAt", at(created));
                if (a.type().equals("DEAL_CLOSED")) {
                    p.put("dealstage", "closedwon").put("amount", a.field("amount"))
                            .put("deal_currency_code", a.field("currency")).put("closedate", at(a.occurredAt()))
                            .put("hs_analytics_source", analyticsSource(a.field("channel")));
                    DEAL_FIELDS.forEach((field, property) -> {
                        if (a.field(field) != null) {
                            p.put(property, a.field(field));
                        }
                    });
                } else {
                    p.put("dealstage", a.field("stage").equals("LOST") ? "closedlost" : OPEN_STAGE);
                }
            }
            case "contacts" -> {
                if (a.type().equals("LEAD_CREATED")) {
                    p.put("createdate", at(a.occurredAt())).put("lifecyclestage", "lead")
                            .put("hs_analytics_source", analyticsSource(a.field("channel")));
                } else {
                    p.put("lifecyclestage", "salesqualifiedlead");
                }
            }
            default -> {
                p.put("createdate", at(a.occurredAt())).put("hs_timestamp", at(a.occurredAt()));
                String duration = a.field("durationSeconds");
                if (type.equals("calls")) {
                    p.put("hs_call_direction", "OUTBOUND").put("hs_call_status", "COMPLETED");
                    if (duration != null) {
                        p.put("hs_call_duration", Long.toString(Long.parseLong(duration) * 1000));
                    }
                } else if (type.equals("meetings")) {
                    p.put("hs_meeting_start_time", at(a.occurredAt())).put("hs_meeting_end_time",
                            at(a.occurredAt().plusSeconds(duration == null ? 0 : Long.parseLong(duration))));
                } else {
                    p.put("hs_email_direction", "EMAIL");
                }
            }
        }
        if (a.field("customerId") != null) {
            HubSpotCrmApi.associate(object, type, "companies", List.of(a.field("customerId")));
        }
    }

    /** The object as the CRM API answers {@code GET /crm/v3/objects/{type}/{id}?properties=…&associations=…}. */
    ObjectNode read(String type, String id, List<String> properties, List<String> associations) {
        return api.read(type, id, properties, associations);
    }

    private static String at(Instant instant) {
        return HubSpotCrmApi.timestamp(instant);
    }
}
