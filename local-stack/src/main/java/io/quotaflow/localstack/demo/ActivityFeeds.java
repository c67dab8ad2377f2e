package io.quotaflow.localstack.demo;

import io.quotaflow.localstack.demo.DemoActivity.Route;
import io.quotaflow.localstack.demo.GatewayClient.Identity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sends activities through the ingestion paths a real deployment has: the canonical batch API (with an INTEGRATION
 * token), the generic webhook signed with {@code X-Quotaflow-Signature}, Salesforce outbound messages of the
 * configured organisation, and HubSpot webhooks of the demo's portal (signed with {@code X-HubSpot-Signature-v3}, their
 * objects served by the {@link HubSpotPortal}); the CRMs' owners are mapped to reps.
 */
final class ActivityFeeds {

    /**
     * The secrets activity-service is started with in the demo (see {@code LocalStack}), and the HubSpot portal whose
     * API it reads; without a portal (feeding a Quotaflow the launcher did not configure) the HubSpot team's activity
     * goes through the batch API with HubSpot's source and external ids, so with the same event ids.
     */
    record Secrets(String webhookSecret, String salesforceOrganizationId, HubSpotPortal hubspot) {
    }

    private static final int SALESFORCE_MAX = 100;
    private static final int BATCH_MAX = 1000;
    private static final String HUBSPOT_PATH = "/api/crm/hubspot";

    private final GatewayClient gateway;
    private final Secrets secrets;
    private final Map<String, String> salesforceUsers = new LinkedHashMap<>();
    private final Map<String, String> hubspotOwners = new LinkedHashMap<>();

    ActivityFeeds(GatewayClient gateway, Secrets secrets, List<DemoRep> reps) {
        this.gateway = gateway;
        this.secrets = secrets;
        reps.forEach(rep -> salesforceUsers.put(rep.id(), rep.salesforceUserId()));
        reps.stream().filter(rep -> rep.hubspotOwnerId() != null)
                .forEach(rep -> hubspotOwners.put(rep.id(), rep.hubspotOwnerId()));
    }

    /**
     * Activities sent before (by an earlier run, with {@code --data-dir}): the HubSpot objects they made are served as
     * they stand after them, so that later events find them.
     */
    void sentBefore(List<DemoActivity> activities) {
        if (secrets.hubspot() != null) {
            activities.stream().filter(a -> a.route() == Route.HUBSPOT)
                    .forEach(a -> secrets.hubspot().record(a, hubspotOwners.get(a.repId())));
        }
    }

    /** Sends one slice of activities, each through its route, and says how many were refused. */
    int send(List<DemoActivity> slice) {
        Map<Route, List<DemoActivity>> byRoute = new LinkedHashMap<>();
        slice.forEach(a -> byRoute.computeIfAbsent(a.route(), r -> new ArrayList<>()).add(a));
        int refused = 0;
        for (Map.Entry<Route, List<DemoActivity>> entry : byRoute.entrySet()) {
            List<DemoActivity> activities = entry.getValue();
            switch (entry.getKey()) {
                case HUBSPOT:
                    if (secrets.hubspot() == null) {
                        // No portal activity-service reads: the same activities, as HubSpot would have made them.
                        refused += batchApi(activities);
                        break;
                    }
                    for (List<DemoActivity> delivery : HubSpotPortal.deliveries(activities)) {
                        refused += hubspot(delivery);
                    }
                    break;
                case API:
                    refused += batchApi(activities);
                    break;
                case WEBHOOK:
                    for (List<DemoActivity> part : chunks(activities, BATCH_MAX)) {
                        refused += webhook(batch(part));
                    }
                    break;
                case SALESFORCE:
                    for (List<DemoActivity> part : chunks(activities, SALESFORCE_MAX)) {
                        gateway.sendRaw("/api/crm/salesforce", salesforce(part), "text/xml; charset=utf-8",
                                Map.of("SOAPAction", "\"\""));
                    }
                    break;
                default:
                    throw new IllegalArgumentException(entry.getKey() + " is not streamed");
            }
        }
        return refused;
    }

    private int batchApi(List<DemoActivity> activities) {
        int refused = 0;
        for (List<DemoActivity> part : chunks(activities, BATCH_MAX)) {
            JsonNode answer = gateway.post("/api/activities/batch", Identity.integration(), batch(part));
            refused += answer.path("rejected").size();
        }
        return refused;
    }

    static ObjectNode batch(List<DemoActivity> activities) {
        ObjectNode body = GatewayClient.JSON.createObjectNode();
        ArrayNode list = body.putArray("activities");
        activities.forEach(a -> {
            ObjectNode node = list.addObject();
            a.fields().forEach(node::put);
        });
        return body;
    }

    private int webhook(ObjectNode body) {
        byte[] bytes = GatewayClient.JSON.writeValueAsBytes(body);
        long t = System.currentTimeMillis() / 1000;
        String signature = "t=" + t + ",v1=" + hmacHex(secrets.webhookSecret(), t + ".", bytes);
        String answer = gateway.sendRaw("/api/crm/webhook", bytes, "application/json",
                Map.of("X-Quotaflow-Signature", signature));
        return GatewayClient.JSON.readTree(answer).path("rejected").size();
    }

    /**
     * One HubSpot delivery: its objects brought up to date first (activity-service reads them while it answers),
     * signed over the URL called, as HubSpot signs. An event answered as ignored counts as refused.
     */
    private int hubspot(List<DemoActivity> delivery) {
        HubSpotPortal portal = secrets.hubspot();
        delivery.forEach(a -> portal.record(a, hubspotOwners.get(a.repId())));
        byte[] body = GatewayClient.JSON.writeValueAsBytes(portal.events(delivery, hubspotOwners));
        String timestamp = Long.toString(System.currentTimeMillis());
        String answer = gateway.sendRaw(HUBSPOT_PATH, body, "application/json", Map.of(
                "X-HubSpot-Signature-v3", portal.sign("POST", gateway.url() + HUBSPOT_PATH, body, timestamp),
                "X-HubSpot-Request-Timestamp", timestamp,
                "X-HubSpot-Signature-Version", "v3"));
        return GatewayClient.JSON.readTree(answer).path("ignored").asInt();
    }

    static String hmacHex(String secret, String prefix, byte[] body) {
        return HexFormat.of().formatHex(hmac(secret, prefix.getBytes(StandardCharsets.UTF_8), body));
    }

    /** HMAC-SHA256 under {@code secret} of the parts, one after the other. */
    static byte[] hmac(String secret, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            for (byte[] part : parts) {
                mac.update(part);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A SOAP outbound message of Tasks (calls, e-mails), Events (visits, meetings) and Opportunities (stages). */
    byte[] salesforce(List<DemoActivity> activities) {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" \
                xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
                 <soapenv:Body>
                  <notifications xmlns="http://soap.sforce.com/2005/09/outbound">
                """);
        xml.append("   <OrganizationId>").append(secrets.salesforceOrganizationId()).append("</OrganizationId>\n")
                .append("   <ActionId>04kQ0000000DEMOAAA</ActionId>\n   <SessionId xsi:nil=\"true\"/>\n");
        int n = 0;
        for (DemoActivity a : activities) {
            Map<String, String> f = new LinkedHashMap<>();
            String type;
            String id = a.field("externalId");
            if (a.type().equals("OPPORTUNITY_STAGE_CHANGED")) {
                type = "Opportunity";
                id = a.field("dealId");
                f.put("Id", id);
                f.put("StageName", a.field("stage"));
                f.put("IsWon", "false");
                f.put("CreatedDate", a.field("opportunityCreatedAt"));
                f.put("LastModifiedDate", a.field("occurredAt"));
            } else if (a.field("channel").equals("VISIT") || a.field("channel").equals("MEETING")) {
                type = "Event";
                f.put("Id", id);
                f.put("Type", a.field("channel").equals("VISIT") ? "Visit" : "Meeting");
                f.put("StartDateTime", a.field("occurredAt"));
                f.put("DurationInMinutes", Integer.toString(Integer.parseInt(a.field("durationSeconds")) / 60));
            } else {
                type = "Task";
                f.put("Id", id);
                f.put("TaskSubtype", a.field("channel").equals("CALL") ? "Call" : "Email");
                f.put("CreatedDate", a.field("occurredAt"));
                if (a.field("durationSeconds") != null) {
                    f.put("CallType", "Outbound");
                    f.put("CallDurationInSeconds", a.field("durationSeconds"));
                }
            }
            f.put("OwnerId", salesforceUsers.get(a.repId()));
            if (a.field("customerId") != null) {
                f.put("AccountId", a.field("customerId"));
            }
            xml.append("   <Notification>\n    <Id>04lQ").append(String.format("%011d", ++n)).append("AAA</Id>\n")
                    .append("    <sObject xsi:type=\"sf:").append(type)
                    .append("\" xmlns:sf=\"urn:sobject.enterprise.soap.sforce.com\">\n");
            f.forEach((name, value) -> xml.append("     <sf:").append(name).append('>').append(escape(value))
                    .append("</sf:").append(name).append(">\n"));
            xml.append("    </sObject>\n   </Notification>\n");
        }
        xml.append("  </notifications>\n </soapenv:Body>\n</soapenv:Envelope>\n");
        return xml.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String escape(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static <T> List<List<T>> chunks(List<T> all, int size) {
        List<List<T>> parts = new ArrayList<>();
        for (int i = 0; i < all.size(); i += size) {
            parts.add(all.subList(i, Math.min(all.size(), i + size)));
        }
        return parts;
    }
}
