package io.quotaflow.activity.crm.hubspot;

import io.quotaflow.activity.ActivityApi;
import io.quotaflow.activity.PublishedActivities;
import io.quotaflow.activity.TestOrg;
import io.quotaflow.activity.TestRates;
import io.quotaflow.activity.crm.CrmTestSettings;
import io.quotaflow.activity.crm.HubSpotStub;
import io.quotaflow.localstack.crm.HubSpotCrmApi;
import io.quotaflow.activity.crm.Signatures;
import io.quotaflow.events.EventIds;
import io.quotaflow.events.activity.ActivityEvent;
import io.quotaflow.events.activity.DealClosed;
import io.quotaflow.events.activity.FollowUpChannel;
import io.quotaflow.events.activity.FollowUpLogged;
import io.quotaflow.events.activity.LeadChannel;
import io.quotaflow.events.activity.LeadCreated;
import io.quotaflow.events.activity.LeadQualified;
import io.quotaflow.events.activity.OpportunityStageChanged;
import io.quotaflow.platform.org.OrgDirectory;
import io.quotaflow.testsupport.ServiceIT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HubSpot webhooks in HubSpot's documented formats (v3 signature; events with ids only, the objects read from the
 * local {@link HubSpotStub} of HubSpot's CRM API), on the real broker.
 */
@ServiceIT
class HubSpotWebhookIT {

    private static final String OWNER = "hs-owner-501";
    private static final String PUBLIC_HOST = "crm-hooks.quotaflow.example";
    private static final String PUBLIC_URL = "https://" + PUBLIC_HOST + "/api/crm/hubspot";
    private static final AtomicLong IDS = new AtomicLong(System.nanoTime() % 1_000_000_000L * 100);

    @Autowired
    RestTestClient http;
    @Autowired
    OrgDirectory org;
    @Autowired
    HubSpotClient client;

    private final HubSpotCrmApi hubspot = HubSpotStub.shared();
    private PublishedActivities published;

    @BeforeEach
    void setUp() {
        TestRates.ensureForCrm(org, http, "hubspot", OWNER);
        published = PublishedActivities.tail();
    }

    @AfterEach
    void closeTapAndTheBreaker() {
        published.close();
        client.breaker().reset();
    }

    @Test
    void shouldCloseADealMovedToAWonStageReadingItFromHubSpot() {
        String deal = id();
        HubSpotStub.object("deals", deal, wonDeal(Map.of()), Map.of("companies", List.of("co-77")));

        deliver(List.of(dealStage(next(), deal, "closedwon"))).expectStatus().isOk()
                .expectBody().jsonPath("$.accepted").isEqualTo(1);

        DealClosed closed = (DealClosed) awaitEvent(EventIds.of("hubspot", "deal-" + deal, "DEAL_CLOSED"));
        assertThat(closed.repId()).isEqualTo(TestOrg.REP);
        assertThat(closed.customerId()).isEqualTo("co-77");
        assertThat(closed.dealId()).isEqualTo(deal);
        assertThat(closed.originalAmount()).isEqualByComparingTo("1000.55");
        assertThat(closed.originalCurrency()).isEqualTo("USD");
        assertThat(closed.amount()).isEqualByComparingTo("7238.48");
        assertThat(closed.occurredAt()).isEqualTo(Instant.parse("2027-01-19T07:00:00Z"));
        assertThat(closed.opportunityCreatedAt()).isEqualTo(Instant.parse("2026-12-10T02:00:00Z"));
        assertThat(closed.productLine()).as("the deal has no product_line").isNull();
        assertThat(closed.grossMargin()).isNull();
        assertThat(hubspot.requests()).anySatisfy(request -> assertThat(request)
                .startsWith("/crm/v3/objects/deals/" + deal + "?").contains("auth=Bearer " + HubSpotStub.TOKEN));
    }

    @Test
    void shouldMapOtherStagesThroughTheStageMapToStageChanges() {
        String deal = id();
        HubSpotStub.object("deals", deal, Map.of("dealstage", "closedlost", "hubspot_owner_id", OWNER),
                Map.of("companies", List.of("co-78")));
        long lost = next();
        long sent = next();

        deliver(List.of(dealStage(lost, deal, "closedlost"), dealStage(sent, deal, "contractsent")))
                .expectStatus().isOk();

        assertThat(((OpportunityStageChanged) awaitEvent(EventIds.of("hubspot", Long.toString(lost),
                "OPPORTUNITY_STAGE_CHANGED"))).stage()).isEqualTo("LOST");
        assertThat(((OpportunityStageChanged) awaitEvent(EventIds.of("hubspot", Long.toString(sent),
                "OPPORTUNITY_STAGE_CHANGED"))).stage()).isEqualTo("contractsent");
    }

    @Test
    void shouldReadTheConfiguredDealPropertiesIntoAWonDealAskingHubSpotForThem() {
        String deal = id();
        HubSpotStub.object("deals", deal, wonDeal(Map.of("product_line", "pl-cloud", "sales_region", "east",
                "gross_margin_amount", "400.20", "promotion_code", "DOUBLE12", "hs_analytics_source", "REFERRALS")),
                Map.of("companies", List.of("co-79")));

        deliver(List.of(dealStage(next(), deal, "closedwon"))).expectStatus().isOk()
                .expectBody().jsonPath("$.accepted").isEqualTo(1);

        DealClosed closed = (DealClosed) awaitEvent(EventIds.of("hubspot", "deal-" + deal, "DEAL_CLOSED"));
        assertThat(closed.productLine()).isEqualTo("pl-cloud");
        assertThat(closed.regionId()).isEqualTo("east");
        assertThat(closed.grossMargin()).as("400.20 USD at 7.2345").isEqualByComparingTo("2895.25");
        assertThat(closed.promotionCode()).isEqualTo("DOUBLE12");
        assertThat(closed.channel()).isEqualTo(LeadChannel.REFERRAL);
        assertThat(hubspot.requests()).filteredOn(request -> request.startsWith("/crm/v3/objects/deals/" + deal + "?"))
                .isNotEmpty().allSatisfy(request -> assertThat(requestedProperties(request)).contains("amount",
                        "dealstage", "product_line", "sales_region", "gross_margin_amount", "promotion_code",
                        "hs_analytics_source"));
    }

    @Test
    void shouldRefuseAWonDealWithABadGrossMarginNamingItAndPublishTheOthers() {
        String won = id();
        String open = id();
        String call = id();
        HubSpotStub.object("deals", won, wonDeal(Map.of("gross_margin_amount", "0.425")),
                Map.of("companies", List.of("co-80")));
        HubSpotStub.object("deals", open, Map.of("dealstage", "contractsent", "gross_margin_amount", "0.425",
                "hubspot_owner_id", OWNER), Map.of("companies", List.of("co-80")));
        HubSpotStub.object("calls", call, Map.of("hs_timestamp", "2027-01-19T03:00:00.000Z", "hubspot_owner_id", OWNER),
                Map.of());
        long stageEvent = next();
        long callEvent = next();

        List<io.quotaflow.web.FieldProblem> problems = ActivityApi.problems(deliver(List.of(
                dealStage(next(), won, "closedwon"), dealStage(stageEvent, open, "contractsent"),
                event(callEvent, "call.creation", call, Map.of()))), HttpStatus.BAD_REQUEST);

        assertThat(problems).containsExactly(new io.quotaflow.web.FieldProblem("[0].grossMargin",
                "must have at most 2 decimals"));
        awaitEvent(EventIds.of("hubspot", Long.toString(stageEvent), "OPPORTUNITY_STAGE_CHANGED"));
        awaitEvent(EventIds.of("hubspot", Long.toString(callEvent), "FOLLOW_UP_LOGGED"));
        published.assertNoneOf(EventIds.of("hubspot", "deal-" + won, "DEAL_CLOSED"));
    }

    @Test
    void shouldLogCallsMeetingsAndEmailsAsFollowUps() {
        String call = id();
        String meeting = id();
        HubSpotStub.object("calls", call, Map.of("hs_timestamp", "2027-01-19T03:00:00.000Z",
                "hs_call_duration", "305000", "hubspot_owner_id", OWNER), Map.of("companies", List.of("co-9"), "deals", List.of("d-9")));
        HubSpotStub.object("meetings", meeting, Map.of("hs_timestamp", "2027-01-19T05:00:00.000Z",
                "hs_meeting_start_time", "2027-01-19T05:00:00.000Z", "hs_meeting_end_time", "2027-01-19T05:45:00.000Z",
                "hubspot_owner_id", OWNER), Map.of());
        long callEvent = next();
        long meetingEvent = next();

        deliver(List.of(event(callEvent, "object.creation", call, Map.of("objectTypeId", "0-48")),
                event(meetingEvent, "meeting.creation", meeting, Map.of()))).expectStatus().isOk();

        FollowUpLogged logged = (FollowUpLogged) awaitEvent(EventIds.of("hubspot", Long.toString(callEvent),
                "FOLLOW_UP_LOGGED"));
        assertThat(logged.channel()).isEqualTo(FollowUpChannel.CALL);
        assertThat(logged.durationSeconds()).isEqualTo(305);
        assertThat(logged.customerId()).isEqualTo("co-9");
        assertThat(logged.dealId()).isEqualTo("d-9");
        assertThat(logged.occurredAt()).isEqualTo(Instant.parse("2027-01-19T03:00:00Z"));
        FollowUpLogged met = (FollowUpLogged) awaitEvent(EventIds.of("hubspot", Long.toString(meetingEvent),
                "FOLLOW_UP_LOGGED"));
        assertThat(met.channel()).isEqualTo(FollowUpChannel.MEETING);
        assertThat(met.durationSeconds()).isEqualTo(45 * 60);
    }

    @Test
    void shouldTurnNewAndQualifiedContactsIntoLeads() {
        String contact = id();
        HubSpotStub.object("contacts", contact, Map.of("hubspot_owner_id", OWNER,
                "lifecyclestage", "salesqualifiedlead", "hs_analytics_source", "PAID_SEARCH"), Map.of("companies", List.of("co-12")));
        long created = next();
        long qualified = next();
        long other = next();

        deliver(List.of(event(created, "contact.creation", contact, Map.of()),
                event(qualified, "contact.propertyChange", contact, Map.of("propertyName", "lifecyclestage",
                        "propertyValue", "salesqualifiedlead")),
                event(other, "contact.propertyChange", contact, Map.of("propertyName", "firstname",
                        "propertyValue", "Li")))).expectStatus().isOk()
                .expectBody().jsonPath("$.accepted").isEqualTo(2).jsonPath("$.ignored").isEqualTo(1);

        LeadCreated lead = (LeadCreated) awaitEvent(EventIds.of("hubspot", Long.toString(created), "LEAD_CREATED"));
        assertThat(lead.channel()).isEqualTo(LeadChannel.SEARCH_ADS);
        assertThat(lead.customerId()).isEqualTo("co-12");
        assertThat(awaitEvent(EventIds.of("hubspot", Long.toString(qualified), "LEAD_QUALIFIED")))
                .isInstanceOf(LeadQualified.class);
    }

    @Test
    void shouldAnswerAHubSpotRetryAsDuplicatesAndPublishNothingAgain() {
        String call = id();
        HubSpotStub.object("calls", call, Map.of("hs_timestamp", "2027-01-19T03:00:00.000Z", "hubspot_owner_id", OWNER),
                Map.of());
        Map<String, Object> event = event(next(), "call.creation", call, Map.of());

        deliver(List.of(event)).expectStatus().isOk().expectBody().jsonPath("$.accepted").isEqualTo(1);
        Map<String, Object> retry = new java.util.LinkedHashMap<>(event);
        retry.put("attemptNumber", 1);
        deliver(List.of(retry)).expectStatus().isOk().expectBody().jsonPath("$.duplicates").isEqualTo(1)
                .jsonPath("$.accepted").isEqualTo(0);

        UUID id = EventIds.of("hubspot", event.get("eventId").toString(), "FOLLOW_UP_LOGGED");
        awaitEvent(id);
        assertThat(published.copiesOf(id)).isEqualTo(1);
    }

    @Test
    void shouldRefuseAWrongSignatureAStaleTimestampAndAnotherAccountPublishingNothing() {
        String call = id();
        HubSpotStub.object("calls", call, Map.of("hs_timestamp", "2027-01-19T03:00:00.000Z", "hubspot_owner_id", OWNER),
                Map.of());
        Map<String, Object> event = event(next(), "call.creation", call, Map.of());
        byte[] body = json(List.of(event));
        long now = System.currentTimeMillis();

        post(body, "wrong-secret", now, PUBLIC_HOST).expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        post(body, CrmTestSettings.HUBSPOT_SECRET, now - Duration.ofMinutes(6).toMillis(), PUBLIC_HOST)
                .expectStatus().isUnauthorized();
        post(body, CrmTestSettings.HUBSPOT_SECRET, now, null).expectStatus().isUnauthorized();
        post(json(List.of(with(event, "portalId", 999))), CrmTestSettings.HUBSPOT_SECRET, now, PUBLIC_HOST)
                .expectStatus().isForbidden();

        assertThat(hubspot.requestsFor("calls", call)).as("nothing read from HubSpot").isZero();
        published.assertNoneOf(EventIds.of("hubspot", event.get("eventId").toString(), "FOLLOW_UP_LOGGED"));
    }

    @Test
    void shouldNameAnEventWhoseOwnerIsNoRepAndPublishTheOthers() {
        String good = id();
        String stranger = id();
        HubSpotStub.object("calls", good, Map.of("hs_timestamp", "2027-01-19T03:00:00.000Z", "hubspot_owner_id", OWNER),
                Map.of());
        HubSpotStub.object("calls", stranger, Map.of("hs_timestamp", "2027-01-19T03:00:00.000Z",
                "hubspot_owner_id", "hs-owner-unmapped"), Map.of());
        long goodEvent = next();

        List<io.quotaflow.web.FieldProblem> problems = ActivityApi.problems(deliver(List.of(
                event(goodEvent, "call.creation", good, Map.of()),
                event(next(), "call.creation", stranger, Map.of()))), HttpStatus.BAD_REQUEST);

        assertThat(problems).extracting(problem -> problem.field()).containsExactly("[1].repId");
        awaitEvent(EventIds.of("hubspot", Long.toString(goodEvent), "FOLLOW_UP_LOGGED"));
    }

    @Test
    void shouldAnswer503WhenHubSpotCannotBeReadSoThatItDeliversAgain() {
        String call = id();
        hubspot.failing("calls", call, 500);
        Map<String, Object> event = event(next(), "call.creation", call, Map.of());

        deliver(List.of(event)).expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader().exists("Retry-After");

        assertThat(hubspot.requestsFor("calls", call)).as("tried, and tried again").isEqualTo(2);
        HubSpotStub.object("calls", call, Map.of("hs_timestamp", "2027-01-19T03:00:00.000Z", "hubspot_owner_id", OWNER),
                Map.of());
        deliver(List.of(event)).expectStatus().isOk().expectBody().jsonPath("$.accepted").isEqualTo(1);
    }

    @Test
    void shouldStopCallingHubSpotWhileItsBreakerIsOpen() {
        String call = id();
        hubspot.failing("calls", call, 503);
        for (int delivery = 0; delivery < 2; delivery++) {
            deliver(List.of(event(next(), "call.creation", call, Map.of()))).expectStatus()
                    .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        }
        long calls = hubspot.requestsFor("calls", call);

        deliver(List.of(event(next(), "call.creation", call, Map.of()))).expectStatus()
                .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);

        assertThat(client.breaker().getState()).isEqualTo(io.github.resilience4j.circuitbreaker.CircuitBreaker.State.OPEN);
        assertThat(hubspot.requestsFor("calls", call)).as("no call while the breaker is open").isEqualTo(calls);
    }

    // ---- HubSpot's documented webhook format ----------------------------------------------------------------

    private RestTestClient.ResponseSpec deliver(List<Map<String, Object>> events) {
        return post(json(events), CrmTestSettings.HUBSPOT_SECRET, System.currentTimeMillis(), PUBLIC_HOST);
    }

    /**
     * Signed as HubSpot signs: over the URL it called (the public one, in front of the gateway, which forwards it as
     * {@code X-Forwarded-*}); without {@code forwardedHost}, the request reaches the service as is.
     */
    private RestTestClient.ResponseSpec post(byte[] body, String secret, long timestamp, String forwardedHost) {
        String signature = java.util.Base64.getEncoder().encodeToString(Signatures.hmacSha256(secret,
                ("POST" + PUBLIC_URL).getBytes(StandardCharsets.UTF_8), body,
                Long.toString(timestamp).getBytes(StandardCharsets.UTF_8)));
        RestTestClient.RequestBodySpec request = http.post().uri("/api/crm/hubspot")
                .contentType(MediaType.APPLICATION_JSON)
                .header("X-HubSpot-Signature-v3", signature)
                .header("X-HubSpot-Signature-Version", "v3")
                .header("X-HubSpot-Request-Timestamp", Long.toString(timestamp));
        if (forwardedHost != null) {
            request = request.header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", forwardedHost)
                    .header("X-Forwarded-Port", "443");
        }
        return request.body(body).exchange();
    }

    /** A deal won on 2027-01-19 for 1,000.55 USD, with {@code more} properties. */
    private static Map<String, String> wonDeal(Map<String, String> more) {
        Map<String, String> deal = new java.util.LinkedHashMap<>(Map.of("dealname", "Cloud suite", "amount", "1000.55",
                "dealstage", "closedwon", "deal_currency_code", "USD", "closedate", "2027-01-19T07:00:00.000Z",
                "createdate", "2026-12-10T02:00:00.000Z", "hubspot_owner_id", OWNER));
        deal.putAll(more);
        return deal;
    }

    /** The {@code properties} a request to HubSpot's CRM API asked for. */
    private static List<String> requestedProperties(String request) {
        String query = request.substring(request.indexOf('?') + 1, request.indexOf(' '));
        return java.util.Arrays.stream(query.split("&")).filter(parameter -> parameter.startsWith("properties="))
                .flatMap(parameter -> java.util.Arrays.stream(java.net.URLDecoder.decode(
                        parameter.substring("properties=".length()), StandardCharsets.UTF_8).split(",")))
                .toList();
    }

    private static Map<String, Object> dealStage(long eventId, String deal, String stage) {
        return event(eventId, "deal.propertyChange", deal, Map.of("propertyName", "dealstage", "propertyValue", stage));
    }

    private static Map<String, Object> event(long eventId, String subscription, String objectId,
                                             Map<String, Object> more) {
        Map<String, Object> event = new java.util.LinkedHashMap<>();
        event.put("eventId", eventId);
        event.put("subscriptionId", 1859972);
        event.put("portalId", CrmTestSettings.HUBSPOT_PORTAL);
        event.put("appId", 1109808);
        event.put("occurredAt", Instant.parse("2027-01-19T06:30:00Z").toEpochMilli());
        event.put("subscriptionType", subscription);
        event.put("attemptNumber", 0);
        event.put("objectId", Long.parseLong(objectId));
        event.put("changeSource", "CRM_UI");
        event.put("sourceId", "userId:45678");
        event.putAll(more);
        return event;
    }

    private static Map<String, Object> with(Map<String, Object> event, String field, Object value) {
        Map<String, Object> changed = new java.util.LinkedHashMap<>(event);
        changed.put(field, value);
        return changed;
    }

    private ActivityEvent awaitEvent(UUID id) {
        return published.await(id);
    }

    private static byte[] json(Object value) {
        return tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsBytes(value);
    }

    private static long next() {
        return IDS.incrementAndGet();
    }

    private static String id() {
        return Long.toString(IDS.incrementAndGet());
    }
}
