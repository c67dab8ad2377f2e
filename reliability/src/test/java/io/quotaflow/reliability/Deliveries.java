package io.quotaflow.reliability;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Activity delivered the way CRMs deliver it: out of order (a cancellation before its deal), late (back-dated into
 * last month), and several times, each copy through any ingestion path — the canonical API one by one or in
 * batches, the generic signed webhook one by one or in batches, and Salesforce Outbound Messages (a won
 * Opportunity, a call Task; Salesforce's ids are its own, so what comes from Salesforce comes only from there).
 */
final class Deliveries {

    enum Path { SINGLE, BATCH, WEBHOOK, WEBHOOK_BATCH, SALESFORCE }

    private final Api api;
    private final Slice slice;
    private final Random random;
    private final java.util.Set<Activity> salesforce = new java.util.HashSet<>();

    Deliveries(Api api, Slice slice) {
        this.api = api;
        this.slice = slice;
        this.random = slice.random();
    }

    /** Sends {@code count} unique activities, each 1–3 times, in a shuffled order; deliveries per path. */
    Map<String, Integer> sendShuffledWithRepeats(int count) {
        YearMonth lastMonth = YearMonth.now(Activity.ZONE).minusMonths(1);
        List<Activity> unique = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            boolean late = random.nextInt(5) == 0;
            Instant at = late
                    ? lastMonth.atDay(1 + random.nextInt(lastMonth.lengthOfMonth())).atTime(10, 0)
                            .atZone(Activity.ZONE).toInstant().plusSeconds(random.nextInt(3600))
                    : slice.recentInstant();
            Activity activity = slice.next(at);
            if (random.nextInt(4) == 0) {
                // Through Salesforce: its opportunity or task id is the external id, its owner maps to the rep.
                String id = (activity.type().equals("DEAL_CLOSED") ? "006" : "00T")
                        + String.format("%015d", Math.abs(activity.externalId().hashCode()) * 1000L + i);
                activity = new Activity(id, activity.type(), activity.repId(), activity.occurredAt(),
                        activity.amount(), id, "001" + id.substring(3));
                salesforce.add(activity);
                unique.add(activity);
                continue;
            }
            unique.add(activity);
            if (activity.type().equals("DEAL_CLOSED") && random.nextInt(6) == 0) {
                unique.add(Activity.cancellation(activity, at.plusSeconds(60)));
            }
        }
        List<Activity> copies = new ArrayList<>();
        for (Activity activity : unique) {
            slice.reference().sent(activity);
            int times = 1 + random.nextInt(3);
            for (int i = 0; i < times; i++) {
                copies.add(activity);
            }
        }
        Collections.shuffle(copies, random);

        Map<String, Integer> perPath = new TreeMap<>();
        int i = 0;
        while (i < copies.size()) {
            Path path = salesforce.contains(copies.get(i)) ? Path.SALESFORCE
                    : Path.values()[random.nextInt(Path.values().length - 1)];
            int size = path == Path.BATCH || path == Path.WEBHOOK_BATCH ? 1 + random.nextInt(8) : 1;
            List<Activity> chunk = new ArrayList<>();
            for (int j = i; j < copies.size() && chunk.size() < size && (path == Path.SALESFORCE)
                    == salesforce.contains(copies.get(j)); j++) {
                chunk.add(copies.get(j));
            }
            send(path, chunk);
            perPath.merge(path.name().toLowerCase(), chunk.size(), Integer::sum);
            i += chunk.size();
        }
        return perPath;
    }

    private void send(Path path, List<Activity> chunk) {
        switch (path) {
            case SINGLE -> slice.deliver(() -> api.post("/api/activities", slice.feederToken(),
                    chunk.get(0).toJson().toString()));
            case BATCH -> slice.deliver(() -> api.post("/api/activities/batch", slice.feederToken(), batch(chunk)));
            case WEBHOOK -> webhook(chunk.get(0).toJson().toString());
            case WEBHOOK_BATCH -> webhook(batch(chunk));
            case SALESFORCE -> {
                String xml = outboundMessage(chunk.get(0));
                Api.Answer answer = slice.deliver(() -> api.send(api.request("/api/crm/salesforce")
                        .header("Content-Type", "text/xml; charset=utf-8").header("SOAPAction", "\"\"")
                        .POST(HttpRequest.BodyPublishers.ofString(xml))));
                if (!answer.body().contains("<Ack>true</Ack>")) {
                    throw new AssertionError("Salesforce message not acknowledged: " + answer.body());
                }
            }
        }
    }

    /** A Salesforce Outbound Message of one notification, as Salesforce sends it. */
    private static String outboundMessage(Activity activity) {
        String at = activity.occurredAt().toString();
        String sObject = activity.type().equals("DEAL_CLOSED")
                ? "<sObject xsi:type=\"sf:Opportunity\" xmlns:sf=\"urn:sobject.enterprise.soap.sforce.com\">"
                        + "<sf:Id>" + activity.externalId() + "</sf:Id><sf:AccountId>" + activity.customerId()
                        + "</sf:AccountId><sf:OwnerId>sf-" + activity.repId() + "</sf:OwnerId><sf:IsWon>true</sf:IsWon>"
                        + "<sf:IsClosed>true</sf:IsClosed><sf:StageName>Closed Won</sf:StageName><sf:Amount>"
                        + activity.amount().toPlainString() + "</sf:Amount><sf:CurrencyIsoCode>CNY</sf:CurrencyIsoCode>"
                        + "<sf:CloseDate>" + activity.occurredAt().atZone(Activity.ZONE).toLocalDate()
                        + "</sf:CloseDate><sf:LastModifiedDate>" + at + "</sf:LastModifiedDate></sObject>"
                : "<sObject xsi:type=\"sf:Task\" xmlns:sf=\"urn:sobject.enterprise.soap.sforce.com\">"
                        + "<sf:Id>" + activity.externalId() + "</sf:Id><sf:OwnerId>sf-" + activity.repId()
                        + "</sf:OwnerId><sf:CallType>Outbound</sf:CallType><sf:CallDurationInSeconds>60"
                        + "</sf:CallDurationInSeconds><sf:TaskSubtype>Call</sf:TaskSubtype><sf:Subject>Call"
                        + "</sf:Subject><sf:CreatedDate>" + at + "</sf:CreatedDate></sObject>";
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" "
                + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><soapenv:Body>"
                + "<notifications xmlns=\"http://soap.sforce.com/2005/09/outbound\"><OrganizationId>"
                + EmbeddedSystem.SALESFORCE_ORG + "</OrganizationId><ActionId>04k000000000001</ActionId>"
                + "<Notification><Id>04l" + activity.externalId().substring(3) + "</Id>" + sObject
                + "</Notification></notifications></soapenv:Body></soapenv:Envelope>";
    }

    private void webhook(String body) {
        slice.deliver(() -> api.send(signed(api.request("/api/crm/webhook"), body, Instant.now())));
    }

    static HttpRequest.Builder signed(HttpRequest.Builder request, String body, Instant at) {
        long t = at.getEpochSecond();
        return request.header("Content-Type", "application/json")
                .header("X-Quotaflow-Signature", "t=" + t + ",v1=" + hmac(t + "." + body))
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    static String hmac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(EmbeddedSystem.WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String batch(List<Activity> activities) {
        ArrayNode items = Api.JSON.createArrayNode();
        activities.forEach(activity -> items.add(activity.toJson()));
        ObjectNode body = Api.JSON.createObjectNode();
        body.set("activities", items);
        return body.toString();
    }
}
