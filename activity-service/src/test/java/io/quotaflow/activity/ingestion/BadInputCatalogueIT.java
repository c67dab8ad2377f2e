package io.quotaflow.activity.ingestion;

import io.quotaflow.activity.ActivityApi;
import io.quotaflow.activity.ActivityMother;
import io.quotaflow.activity.Body;
import io.quotaflow.activity.TestOrg;
import io.quotaflow.activity.TestRates;
import io.quotaflow.activity.crm.CrmTestSettings;
import io.quotaflow.activity.crm.Signatures;
import io.quotaflow.events.Topics;
import io.quotaflow.events.activity.ActivityEvent;
import io.quotaflow.platform.org.OrgDirectory;
import io.quotaflow.web.FieldProblem;
import io.quotaflow.testsupport.EmbeddedInfrastructure;
import io.quotaflow.testsupport.EventTap;
import io.quotaflow.testsupport.ServiceIT;
import io.quotaflow.testsupport.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bad-input catalogue: malformed activities of every kind, sent to the canonical API, its batch, the generic
 * webhook and the Salesforce endpoint. Each is answered with an RFC 9457 problem naming the field; none publishes
 * anything (every case's activity has the source {@code catalogue}, which no event on the topic may carry); and the
 * service is healthy after them all, still taking a good activity.
 */
@ServiceIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputCatalogueIT {

    private static final String SOURCE = "catalogue";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    RestTestClient http;
    @Autowired
    OrgDirectory org;

    private EventTap<ActivityEvent> tap;

    /** One malformed request: where it goes, what it is, and the status and field of the answer. */
    record Case(String name, String path, String contentType, byte[] body, int status, String field) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    void setUp() {
        TestOrg.ensure(org);
        TestRates.ensure(new ActivityApi(http, TestTokens.shared().admin()));
        tap = EventTap.tail(EmbeddedInfrastructure.shared().kafkaBootstrapServers(), Topics.SALES_ACTIVITIES);
    }

    @AfterAll
    void nothingPublishedAndStillHealthy() {
        try {
            assertThat(tap.drain(Duration.ofSeconds(2))).as("events published by the catalogue")
                    .noneMatch(r -> SOURCE.equals(r.payload().source()));
        } finally {
            tap.close();
        }
        http.get().uri("/actuator/health").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("UP");
        new ActivityApi(http, TestTokens.shared().integration()).post(ActivityMother.followUpLogged(TestOrg.REP))
                .expectStatus().isAccepted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void shouldAnswerAProblemNamingTheFieldAndPublishNothing(Case bad) {
        RestTestClient.RequestBodySpec request = http.post().uri(bad.path())
                .header("Authorization", "Bearer " + TestTokens.shared().integration())
                .contentType(MediaType.parseMediaType(bad.contentType()));
        if (bad.path().equals("/api/crm/webhook")) {
            long t = Instant.now().getEpochSecond();
            request = request.header("X-Quotaflow-Signature", "t=" + t + ",v1=" + Signatures.hex(Signatures.hmacSha256(
                    CrmTestSettings.WEBHOOK_SECRET_NEW, (t + ".").getBytes(StandardCharsets.UTF_8), bad.body())));
        }

        List<FieldProblem> errors = ActivityApi.problems(request.body(bad.body()).exchange(),
                HttpStatus.valueOf(bad.status()));

        assertThat(errors).extracting(FieldProblem::field).contains(bad.field());
    }

    static Stream<Case> catalogue() {
        List<Case> cases = new ArrayList<>();
        // types and enum values
        cases.add(api("type missing", deal().without("type"), "type"));
        cases.add(api("type unknown", deal().with("type", "DEAL_WON"), "type"));
        cases.add(api("type in lower case", deal().with("type", "deal_closed"), "type"));
        cases.add(api("type a number", deal().with("type", 5), "type"));
        cases.add(api("follow-up channel unknown", call().with("channel", "PIGEON"), "channel"));
        cases.add(api("follow-up without channel", call().without("channel"), "channel"));
        cases.add(api("lead with a follow-up channel", lead().with("channel", "CALL"), "channel"));
        cases.add(api("engagement without signal", engagement().without("signal"), "signal"));
        cases.add(api("engagement signal unknown", engagement().with("signal", "TELEPATHY"), "signal"));
        cases.add(api("site visit without duration", engagement().without("durationSeconds"), "durationSeconds"));
        // missing fields
        cases.add(api("source missing", deal().without("source"), "source"));
        cases.add(api("externalId missing", deal().without("externalId"), "externalId"));
        cases.add(api("repId missing", deal().without("repId"), "repId"));
        cases.add(api("occurredAt missing", deal().without("occurredAt"), "occurredAt"));
        cases.add(api("closed deal without amount", deal().without("amount"), "amount"));
        cases.add(api("closed deal without currency", deal().without("currency"), "currency"));
        cases.add(api("closed deal without customer", deal().without("customerId"), "customerId"));
        cases.add(api("payment without deal", payment().without("dealId"), "dealId"));
        cases.add(api("payment without amount", payment().without("amount"), "amount"));
        cases.add(api("stage change without stage", stage().without("stage"), "stage"));
        cases.add(api("cancellation without deal", cancellation().without("dealId"), "dealId"));
        // amounts
        cases.add(api("negative amount", deal().with("amount", "-100.00"), "amount"));
        cases.add(api("zero amount", payment().with("amount", "0"), "amount"));
        cases.add(api("fractional cent", deal().with("amount", "10.005"), "amount"));
        cases.add(api("huge amount", deal().with("amount", "1000000000.01"), "amount"));
        cases.add(api("amount not a number", deal().with("amount", "lots"), "amount"));
        cases.add(api("amount a boolean", deal().with("amount", true), "amount"));
        cases.add(api("amount a JSON number with fractional cents", deal().with("amount", 12.345), "amount"));
        cases.add(api("gross margin above the amount", deal().with("grossMargin", "90000.00"), "grossMargin"));
        // currencies and rates
        cases.add(api("unknown currency", deal().with("currency", "XYZ"), "currency"));
        cases.add(api("currency in lower case", deal().with("currency", "usd"), "currency"));
        cases.add(new Case("currency without any rate", "/api/activities", "application/json",
                json(deal().with("currency", "EUR")), 422, "currency"));
        cases.add(new Case("currency without a rate on the day", "/api/activities", "application/json",
                json(payment().with("currency", "USD").with("occurredAt", "2025-12-01T02:00:00Z")), 422, "currency"));
        // dates
        cases.add(api("occurredAt in the future", deal().with("occurredAt", "2027-01-21T02:00:00Z"), "occurredAt"));
        cases.add(api("occurredAt ancient", deal().with("occurredAt", "2019-03-01T02:00:00Z"), "occurredAt"));
        cases.add(api("occurredAt not a date", deal().with("occurredAt", "yesterday"), "occurredAt"));
        cases.add(api("occurredAt without an offset", deal().with("occurredAt", "2027-01-19T10:00:00"), "occurredAt"));
        cases.add(api("opportunity opened after the close", deal().with("opportunityCreatedAt", "2027-01-19T07:00:00Z"),
                "opportunityCreatedAt"));
        cases.add(api("due date not in the calendar", deal().with("dueDate", "2027-02-30"), "dueDate"));
        cases.add(api("negative duration", call().with("durationSeconds", -5), "durationSeconds"));
        cases.add(api("fractional duration", call().with("durationSeconds", 1.5), "durationSeconds"));
        // strings
        cases.add(api("externalId too long", deal().with("externalId", "x".repeat(257)), "externalId"));
        cases.add(api("source with spaces", deal().with("source", "my crm"), "source"));
        cases.add(api("repId with a control character", deal().with("repId", "r-001\u0007"), "repId"));
        cases.add(api("reason too long", cancellation().with("reason", "r".repeat(501)), "reason"));
        cases.add(api("customerId an object", deal().with("customerId", Map.of("id", "c-1")), "customerId"));
        // reps
        cases.add(api("unknown rep", deal().with("repId", "r-nobody"), "repId"));
        cases.add(api("rep who had left that day", deal().with("repId", TestOrg.LEAVER), "repId"));
        // bodies
        cases.add(raw("broken JSON", "/api/activities", "application/json", "{\"source\": \"catalogue\", ", "body"));
        cases.add(raw("empty body", "/api/activities", "application/json", "", "body"));
        cases.add(raw("an array for one activity", "/api/activities", "application/json", "[]", "body"));
        cases.add(raw("JSON followed by more", "/api/activities", "application/json",
                new String(json(deal()), StandardCharsets.UTF_8) + " {}", "body"));
        cases.add(raw("a member given twice", "/api/activities", "application/json",
                "{\"source\":\"catalogue\",\"source\":\"other\"}", "body"));
        cases.add(new Case("body over the size limit", "/api/activities", "application/json",
                json(deal().with("reason", "r".repeat(2 * 1024 * 1024 + 10))), 413, "body"));
        // batches
        cases.add(new Case("batch over 1,000 activities", "/api/activities/batch", "application/json",
                json(Map.of("activities", Collections.nCopies(1_001, call().fields()))), 400, "activities"));
        cases.add(raw("batch without activities", "/api/activities/batch", "application/json", "{\"items\":[]}",
                "activities"));
        cases.add(raw("batch of none", "/api/activities/batch", "application/json", "{\"activities\":[]}",
                "activities"));
        // XML and the generic webhook
        cases.add(raw("Salesforce message of broken XML", "/api/crm/salesforce", "text/xml",
                "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Body>", "body"));
        cases.add(raw("Salesforce message not in a SOAP envelope", "/api/crm/salesforce", "text/xml",
                "<notifications xmlns=\"http://soap.sforce.com/2005/09/outbound\"/>", "body"));
        cases.add(raw("Salesforce message with an external entity", "/api/crm/salesforce", "text/xml",
                "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                        + "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\">&e;"
                        + "</soapenv:Envelope>", "body"));
        cases.add(api("signed webhook with a negative amount", "/api/crm/webhook", deal().with("amount", "-1"), "amount"));
        return cases.stream();
    }

    private static Body deal() {
        return ActivityMother.dealClosed(TestOrg.REP).with("source", SOURCE);
    }

    private static Body call() {
        return ActivityMother.followUpLogged(TestOrg.REP).with("source", SOURCE);
    }

    private static Body lead() {
        return ActivityMother.leadCreated(TestOrg.REP).with("source", SOURCE);
    }

    private static Body engagement() {
        return ActivityMother.engagementSignalled(TestOrg.REP).with("source", SOURCE);
    }

    private static Body payment() {
        return ActivityMother.paymentCollected(TestOrg.REP).with("source", SOURCE);
    }

    private static Body stage() {
        return ActivityMother.opportunityStageChanged(TestOrg.REP).with("source", SOURCE);
    }

    private static Body cancellation() {
        return ActivityMother.dealCancelled(TestOrg.REP).with("source", SOURCE);
    }

    private static Case api(String name, Body body, String field) {
        return api(name, "/api/activities", body, field);
    }

    private static Case api(String name, String path, Body body, String field) {
        return new Case(name, path, "application/json", json(body), 400, field);
    }

    private static Case raw(String name, String path, String contentType, String body, String field) {
        return new Case(name, path, contentType, body.getBytes(StandardCharsets.UTF_8), 400, field);
    }

    private static byte[] json(Body body) {
        return json(body.fields());
    }

    private static byte[] json(Object value) {
        return JSON.writeValueAsBytes(value);
    }
}
