package io.quotaflow.localstack.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The demo's HubSpot account, as far as Quotaflow sees one: the webhook events of the HubSpot team's activity (ids
 * only, signed with {@code X-HubSpot-Signature-v3} under the app's client secret) and HubSpot's CRM API answering
 * {@code GET /crm/v3/objects/{deals|contacts|calls|meetings|emails}/{id}} for the objects those events name, in
 * HubSpot's response shape, to callers with the private app's bearer token. An object is served as it stands after
 * the activities {@link #record recorded} so far, so a deal created in an open stage reads as open until its win is
 * recorded. The API listens on 127.0.0.1 on a free port; activity-service is pointed at it
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
    /** The source of a contact whose channel HubSpot has no source for (activity-service maps it to no channel). */
    static final String OTHER_SOURCE = "OTHER_CAMPAIGNS";
    private static final long APP_ID = 3_310_442L;
    private static final int MAX_EVENTS = 100;
    private static final Map<String, String> ENGAGEMENTS = Map.of("CALL", "calls", "MEETING", "meetings",
            "EMAIL", "emails");
    private static final Map<String, String> OBJECT_TYPE_IDS = Map.of("calls", "0-48", "meetings", "0-47",
            "emails", "0-49");
    private static final Set<String> DEFAULT_PROPERTIES = Set.of("createdate", "hs_lastmodifieddate", "hs_object_id");
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final String clientSecret;
    private final long portalId;
    private final String accessToken = "pat-na1-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
    private final Map<String, ObjectNode> objects = new ConcurrentHashMap<>();
    private HttpServer server;
    private ExecutorService executor;

    HubSpotPortal(String clientSecret, long portalId) {
        this.clientSecret = clientSecret;
        this.portalId = portalId;
    }

    /** The portal with its API listening on 127.0.0.1 (a free port). */
    public static HubSpotPortal start(String clientSecret, long portalId) {
        HubSpotPortal portal = new HubSpotPortal(clientSecret, portalId);
        try {
            portal.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve the demo's HubSpot API", e);
        }
        portal.executor = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "demo-hubspot-api");
            thread.setDaemon(true);
            return thread;
        });
        portal.server.setExecutor(portal.executor);
        portal.server.createContext("/crm/v3/objects/", portal::answer);
        portal.server.start();
        return portal;
    }

    public String apiBaseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** What activity-service is started with to accept this portal's webhooks and read its objects. */
    public Map<String, String> environment() {
        return Map.of("HUBSPOT_CLIENT_SECRET", clientSecret, "HUBSPOT_PORTAL_ID", Long.toString(portalId),
                "HUBSPOT_API_BASE_URL", apiBaseUrl(), "HUBSPOT_ACCESS_TOKEN", accessToken);
    }

    String accessToken() {
        return accessToken;
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
        }
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
    synchronized void record(DemoActivity a, String ownerId) {
        String type = objectType(a);
        ObjectNode object = objects.computeIfAbsent(type + "/" + a.crmObjectId(), key -> {
            ObjectNode created = GatewayClient.JSON.createObjectNode().put("id", a.crmObjectId());
            created.putObject("properties").put("hs_object_id", a.crmObjectId());
            created.put("createdAt", at(a.occurredAt())).put("updatedAt", at(a.occurredAt())).put("archived", false);
            created.putObject("associations");
            return created;
        });
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
                            .put("deal_currency_code", a.field("currency")).put("closedate", at(a.occurredAt()));
                } else {
                    p.put("dealstage", a.field("stage").equals("LOST") ? "closedlost" : OPEN_STAGE);
                }
            }
            case "contacts" -> {
                if (a.type().equals("LEAD_CREATED")) {
                    p.put("createdate", at(a.occurredAt())).put("lifecyclestage", "lead")
                            .put("hs_analytics_source", a.field("channel") == null ? OTHER_SOURCE
                                    : ANALYTICS_SOURCES.getOrDefault(a.field("channel"), OTHER_SOURCE));
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
            ObjectNode companies = GatewayClient.JSON.createObjectNode();
            companies.putArray("results").addObject().put("id", a.field("customerId"))
                    .put("type", type.substring(0, type.length() - 1) + "_to_company");
            ((ObjectNode) object.get("associations")).set("companies", companies);
        }
    }

    /**
     * An object as {@code GET /crm/v3/objects/{type}/{id}?properties=…&associations=…} answers it: the properties
     * asked for (and HubSpot's defaults) that have a value, the associations asked for; {@code null} when unknown.
     */
    synchronized ObjectNode read(String type, String id, List<String> properties, List<String> associations) {
        ObjectNode stored = objects.get(type + "/" + id);
        if (stored == null) {
            return null;
        }
        ObjectNode answer = stored.deepCopy();
        ObjectNode kept = answer.putObject("properties");
        stored.get("properties").properties().forEach(property -> {
            if (properties.contains(property.getKey()) || DEFAULT_PROPERTIES.contains(property.getKey())) {
                kept.set(property.getKey(), property.getValue().deepCopy());
            }
        });
        ObjectNode associated = answer.putObject("associations");
        stored.get("associations").properties().forEach(association -> {
            if (associations.contains(association.getKey())) {
                associated.set(association.getKey(), association.getValue().deepCopy());
            }
        });
        if (associated.isEmpty()) {
            answer.remove("associations");
        }
        return answer;
    }

    private void answer(HttpExchange exchange) throws IOException {
        try {
            String[] path = exchange.getRequestURI().getRawPath().substring("/crm/v3/objects/".length()).split("/");
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            if (!("Bearer " + accessToken).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                send(exchange, 401, error("Authentication credentials not found.", "INVALID_AUTHENTICATION"));
            } else if (!exchange.getRequestMethod().equals("GET") || path.length != 2) {
                send(exchange, 405, error("Only GET /crm/v3/objects/{type}/{id} is served here.", "VALIDATION_ERROR"));
            } else {
                ObjectNode object = read(path[0], URLDecoder.decode(path[1], StandardCharsets.UTF_8),
                        list(query.get("properties")), list(query.get("associations")));
                send(exchange, object == null ? 404 : 200, object == null
                        ? error("Object not found.  objectId are usually numeric.", "OBJECT_NOT_FOUND") : object);
            }
        } finally {
            exchange.close();
        }
    }

    private static ObjectNode error(String message, String category) {
        return GatewayClient.JSON.createObjectNode().put("status", "error").put("message", message)
                .put("correlationId", java.util.UUID.randomUUID().toString()).put("category", category);
    }

    private static void send(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        byte[] bytes = GatewayClient.JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json;charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                values.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    private static List<String> list(String commaSeparated) {
        return commaSeparated == null || commaSeparated.isBlank() ? List.of()
                : Arrays.stream(commaSeparated.split(",")).map(String::trim).toList();
    }

    private static String at(Instant instant) {
        return TIMESTAMP.format(instant);
    }
}
