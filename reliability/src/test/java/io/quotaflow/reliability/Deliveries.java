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
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Activity delivered the way CRMs deliver it: out of order (a cancellation before its deal), late (back-dated into
 * last month, closed or not), and several times, each copy through any ingestion path — the canonical API one by one
 * or in batches, the generic signed webhook one by one or in batches, Salesforce Outbound Messages (a won
 * Opportunity, a call Task) and HubSpot webhooks (v3 signature; a won deal, a call, read back from {@link HubSpotApi}).
 * A CRM's ids are its own, so what comes from a CRM comes only from there, and is never cancelled.
 */
final class Deliveries {

    enum Path { SINGLE, BATCH, WEBHOOK, WEBHOOK_BATCH, SALESFORCE, HUBSPOT }

    private static final List<Path> CANONICAL = List.of(Path.SINGLE, Path.BATCH, Path.WEBHOOK, Path.WEBHOOK_BATCH);

    private final Api api;
    private final Slice slice;
    private final HubSpotApi hubspot;
    private final Random random;
    private final Map<Activity, Path> throughCrm = new java.util.HashMap<>();
    private final Map<String, Integer> perPath = new TreeMap<>();
    private final java.util.concurrent.atomic.AtomicLong crmIds = new java.util.concurrent.atomic.AtomicLong();

    Deliveries(Api api, Slice slice, HubSpotApi hubspot) {
        this.api = api;
        this.slice = slice;
        this.hubspot = hubspot;
        this.random = slice.random();
    }

    /**
     * {@code count} new unique activities, one in {@code backDatedOneIn} back-dated into {@code earlier} (a day of it,
     * mid-morning), the others of the last hour; a quarter of them through a CRM (Salesforce or HubSpot: the first
     * two back-dated ones, one each, so that both CRMs deliver late), and some canonical deals cancelled.
     */
    List<Activity> unique(int count, YearMonth earlier, int backDatedOneIn) {
        List<Activity> unique = new ArrayList<>();
        int backDated = 0;
        for (int i = 0; i < count; i++) {
            boolean late = random.nextInt(backDatedOneIn) == 0;
            Instant at = late
                    ? earlier.atDay(1 + random.nextInt(earlier.lengthOfMonth())).atTime(10, 0)
                            .atZone(Activity.ZONE).toInstant().plusSeconds(random.nextInt(3600))
                    : slice.recentInstant();
            Activity activity = slice.next(at);
            int lateOnes = late ? ++backDated : 0;
            if (lateOnes == 1 || lateOnes == 2 || random.nextInt(4) == 0) {
                unique.add(lateOnes == 1 || lateOnes != 2 && random.nextBoolean() ? salesforce(activity)
                        : hubspot(activity));
                continue;
            }
            unique.add(activity);
            if (activity.type().equals("DEAL_CLOSED") && random.nextInt(6) == 0) {
                unique.add(Activity.cancellation(activity, at.plusSeconds(60)));
            }
        }
        return unique;
    }

    /** Cancellations of about one in {@code oneIn} of the canonical deals among {@code sent}, a minute after each. */
    List<Activity> cancellationsOf(List<Activity> sent, int oneIn) {
        java.util.Set<String> cancelled = new java.util.HashSet<>();
        sent.stream().filter(a -> a.type().equals("DEAL_CANCELLED")).forEach(a -> cancelled.add(a.dealId()));
        List<Activity> cancellations = new ArrayList<>();
        for (Activity deal : sent) {
            if (deal.type().equals("DEAL_CLOSED") && !throughCrm.containsKey(deal) && !cancelled.contains(deal.dealId())
                    && random.nextInt(oneIn) == 0) {
                cancellations.add(Activity.cancellation(deal, deal.occurredAt().plusSeconds(60)));
            }
        }
        return cancellations;
    }

    /** Through Salesforce: its opportunity or task id is the external id, its owner maps to the rep. */
    private Activity salesforce(Activity activity) {
        String id = (activity.type().equals("DEAL_CLOSED") ? "006" : "00T")
                + String.format("%015d", 1_000_000L + crmIds.incrementAndGet());
        Activity through = new Activity(id, activity.type(), activity.repId(), activity.occurredAt(),
                activity.amount(), id, "001" + id.substring(3));
        throughCrm.put(through, Path.SALESFORCE);
        return through;
    }

    /**
     * Through HubSpot: the object is put where activity-service reads it; a won deal's external id is
     * {@code deal-<id>} (whatever event announced it), a call's is the id of the event that announced it.
     */
    private Activity hubspot(Activity activity) {
        String id = Long.toString(7_000_000_000L + crmIds.incrementAndGet());
        Activity through;
        if (activity.type().equals("DEAL_CLOSED")) {
            through = new Activity("deal-" + id, activity.type(), activity.repId(), activity.occurredAt(),
                    activity.amount(), id, "hs-co-" + id);
            hubspot.wonDeal(id, through);
        } else {
            through = new Activity(Long.toString(8_000_000_000L + crmIds.incrementAndGet()), activity.type(),
                    activity.repId(), activity.occurredAt(), null, id, null);
            hubspot.call(id, through);
        }
        throughCrm.put(through, Path.HUBSPOT);
        return through;
    }

    /**
     * Sends each activity 1–3 times, in a shuffled order, each copy through any of its paths (a delivery that begins
     * with a back-dated copy takes the canonical paths in turn); the deliveries of back-dated copies per path.
     */
    Map<String, Integer> sendShuffledWithRepeats(List<Activity> unique) {
        YearMonth now = YearMonth.now(Activity.ZONE);
        Map<String, Integer> backDated = new TreeMap<>();
        int turn = 0;
        List<Activity> copies = new ArrayList<>();
        for (Activity activity : unique) {
            slice.reference().sent(activity);
            int times = 1 + random.nextInt(3);
            for (int i = 0; i < times; i++) {
                copies.add(activity);
            }
        }
        Collections.shuffle(copies, random);

        int i = 0;
        while (i < copies.size()) {
            Path crm = throughCrm.get(copies.get(i));
            boolean late = copies.get(i).period().isBefore(now);
            Path path = crm != null ? crm : CANONICAL.get(late ? turn++ % CANONICAL.size() : random.nextInt(CANONICAL.size()));
            int size = path == Path.BATCH || path == Path.WEBHOOK_BATCH || path == Path.HUBSPOT ? 1 + random.nextInt(8) : 1;
            List<Activity> chunk = new ArrayList<>();
            for (int j = i; j < copies.size() && chunk.size() < size && throughCrm.get(copies.get(j)) == crm; j++) {
                chunk.add(copies.get(j));
            }
            send(path, chunk);
            perPath.merge(path.name().toLowerCase(), chunk.size(), Integer::sum);
            chunk.stream().filter(copy -> copy.period().isBefore(now))
                    .forEach(copy -> backDated.merge(path.name().toLowerCase(), 1, Integer::sum));
            i += chunk.size();
        }
        return backDated;
    }

    /** Deliveries so far, per path. */
    Map<String, Integer> perPath() {
        return new TreeMap<>(perPath);
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
            case HUBSPOT -> {
                String events = hubspotEvents(chunk);
                Api.Answer answer = slice.deliver(() -> api.send(hubspotSigned(events)));
                if (answer.json().path("accepted").asInt() + answer.json().path("duplicates").asInt() != chunk.size()) {
                    throw new AssertionError("HubSpot delivery not taken whole: " + answer.body());
                }
            }
        }
    }

    /**
     * HubSpot's webhook events for the chunk, as HubSpot sends them: a won deal announced by a new event each time
     * (its stage changed to {@code closedwon}, or it was created won), a call by the same event, delivered again.
     */
    private String hubspotEvents(List<Activity> chunk) {
        ArrayNode events = Api.JSON.createArrayNode();
        for (Activity activity : chunk) {
            ObjectNode event = events.addObject();
            boolean deal = activity.type().equals("DEAL_CLOSED");
            event.put("eventId", deal ? 9_000_000_000L + crmIds.incrementAndGet() : Long.parseLong(activity.externalId()))
                    .put("subscriptionId", 1859972).put("portalId", EmbeddedSystem.HUBSPOT_PORTAL).put("appId", 1109808)
                    .put("occurredAt", activity.occurredAt().toEpochMilli()).put("attemptNumber", random.nextInt(3))
                    .put("objectId", Long.parseLong(activity.dealId())).put("changeSource", "CRM_UI");
            if (!deal) {
                event.put("subscriptionType", "object.creation").put("objectTypeId", "0-48");
            } else if (random.nextBoolean()) {
                event.put("subscriptionType", "deal.creation");
            } else {
                event.put("subscriptionType", "deal.propertyChange").put("propertyName", "dealstage")
                        .put("propertyValue", "closedwon");
            }
        }
        return events.toString();
    }

    /** Signed as HubSpot signs (v3): method, the URL it called, the body and the timestamp, under the app secret. */
    private HttpRequest.Builder hubspotSigned(String body) {
        String timestamp = Long.toString(System.currentTimeMillis());
        String signature = Base64.getEncoder().encodeToString(mac(EmbeddedSystem.HUBSPOT_SECRET,
                "POST" + api.url("/api/crm/hubspot") + body + timestamp));
        return api.request("/api/crm/hubspot").header("Content-Type", "application/json")
                .header("X-HubSpot-Signature-v3", signature).header("X-HubSpot-Request-Timestamp", timestamp)
                .POST(HttpRequest.BodyPublishers.ofString(body));
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
        return HexFormat.of().formatHex(mac(EmbeddedSystem.WEBHOOK_SECRET, text));
    }

    private static byte[] mac(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
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
