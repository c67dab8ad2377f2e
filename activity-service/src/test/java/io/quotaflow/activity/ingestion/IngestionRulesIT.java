package io.quotaflow.activity.ingestion;

import io.micrometer.core.instrument.MeterRegistry;
import io.quotaflow.activity.ActivityApi;
import io.quotaflow.activity.ActivityMother;
import io.quotaflow.activity.Body;
import io.quotaflow.activity.PublishedActivities;
import io.quotaflow.activity.TestOrg;
import io.quotaflow.activity.TestRates;
import io.quotaflow.events.activity.ActivityEvent;
import io.quotaflow.platform.org.OrgDirectory;
import io.quotaflow.web.FieldProblem;
import io.quotaflow.testsupport.EmbeddedInfrastructure;
import io.quotaflow.testsupport.SalesOrgFixture;
import io.quotaflow.testsupport.ServiceIT;
import io.quotaflow.testsupport.TestTokens;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Who the rep is, who may ingest, per-item batch results, and what the meters count. */
@ServiceIT
class IngestionRulesIT {

    @Autowired
    RestTestClient http;
    @Autowired
    OrgDirectory org;
    @Autowired
    MeterRegistry meters;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    Receipts receipts;

    private final TestTokens tokens = TestTokens.shared();
    private ActivityApi integration;
    private ActivityApi admin;

    @BeforeEach
    void setUp() {
        TestOrg.ensure(org);
        integration = new ActivityApi(http, tokens.integration());
        admin = new ActivityApi(http, tokens.admin());
        TestRates.ensure(admin);
    }

    @Test
    void shouldAcceptARepAddedInTargetServiceWithoutARestart() {
        String newcomer = "r-new-" + UUID.randomUUID().toString().substring(0, 8);
        Body call = ActivityMother.followUpLogged(newcomer);
        assertThat(ActivityApi.problems(integration.post(call), HttpStatus.BAD_REQUEST))
                .extracting(FieldProblem::field).containsExactly("repId");

        SalesOrgFixture.publish(EmbeddedInfrastructure.shared().kafkaBootstrapServers(),
                List.of(SalesOrgFixture.rep(newcomer, TestOrg.TEAM, LocalDate.of(2027, 1, 4))));
        await().atMost(Duration.ofSeconds(30)).until(() -> org.rep(newcomer).isPresent());

        assertThat(integration.accepted(call).duplicate()).isFalse();
    }

    @Test
    void shouldResolveACrmUserThroughItsOwnerMapping() {
        String crmUser = "acme-user-" + UUID.randomUUID().toString().substring(0, 8);
        Body call = ActivityMother.followUpLogged(crmUser).with("source", "acme-crm");
        assertThat(ActivityApi.problems(integration.post(call), HttpStatus.BAD_REQUEST))
                .extracting(FieldProblem::field).containsExactly("repId");

        admin.put("/api/crm/owners/acme-crm/" + crmUser, Map.of("repId", "r-002")).expectStatus().isCreated()
                .expectBody().jsonPath("$.repId").isEqualTo("r-002");

        try (PublishedActivities published = PublishedActivities.tail()) {
            UUID id = integration.accepted(call).eventId();
            ActivityEvent event = published.await(id);
            assertThat(event.repId()).isEqualTo("r-002");
        }
        assertThat(ActivityApi.problems(admin.put("/api/crm/owners/acme-crm/someone", Map.of("repId", "r-nobody")),
                HttpStatus.BAD_REQUEST)).extracting(FieldProblem::field).containsExactly("repId");
        new ActivityApi(http, tokens.manager("alice", TestOrg.TEAM)).put("/api/crm/owners/acme-crm/x",
                Map.of("repId", "r-002")).expectStatus().isForbidden();
    }

    @Test
    void shouldLetARepLogOnlyTheirOwnActivityAndNobodyWithoutAToken() {
        ActivityApi rep = new ActivityApi(http, tokens.rep("r-003"));

        rep.post(ActivityMother.followUpLogged("r-003")).expectStatus().isAccepted();
        rep.post(ActivityMother.followUpLogged("r-004")).expectStatus().isForbidden();
        rep.batch(List.of(ActivityMother.followUpLogged("r-003"))).expectStatus().isForbidden();
        new ActivityApi(http, tokens.manager("alice", TestOrg.TEAM)).post(ActivityMother.followUpLogged("r-003"))
                .expectStatus().isForbidden();
        http.post().uri("/api/activities").contentType(MediaType.APPLICATION_JSON)
                .body(ActivityMother.followUpLogged("r-003").fields()).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void shouldAnswerEveryItemOfABatch() {
        Body good = ActivityMother.followUpLogged(TestOrg.REP);
        Body invalid = ActivityMother.dealClosed(TestOrg.REP).with("amount", "-1");
        Body noRate = ActivityMother.paymentCollected(TestOrg.REP).with("currency", "GBP");

        ActivityApi.BatchResult result = integration.batch(List.of(good, invalid, good, noRate))
                .expectStatus().isAccepted().expectBody(ActivityApi.BatchResult.class).returnResult().getResponseBody();

        assertThat(result.accepted()).isEqualTo(1);
        assertThat(result.duplicates()).as("the same activity twice in one batch").isEqualTo(1);
        assertThat(result.rejected()).extracting(ActivityApi.BatchResult.Rejected::index).containsExactly(1, 3);
        assertThat(result.rejected().get(0).status()).isEqualTo(400);
        assertThat(result.rejected().get(0).errors()).extracting(FieldProblem::field)
                .containsExactly("activities[1].amount");
        assertThat(result.rejected().get(1).status()).isEqualTo(422);
        assertThat(result.rejected().get(1).errors()).extracting(FieldProblem::field)
                .containsExactly("activities[3].currency");
        assertThat(result.results().get(0).eventId()).isEqualTo(result.results().get(2).eventId());
        assertThat(result.results().get(2).duplicate()).isTrue();
    }

    @Test
    void shouldCountAcceptedDuplicateAndRejectedActivitiesBySourceAndTypeAndTimeThem() {
        Body call = ActivityMother.followUpLogged(TestOrg.REP).with("source", "metrics-crm");
        double accepted = count("metrics-crm", "FOLLOW_UP_LOGGED", "accepted");
        double duplicate = count("metrics-crm", "FOLLOW_UP_LOGGED", "duplicate");
        double rejected = count("metrics-crm", "DEAL_CLOSED", "rejected");

        integration.post(call).expectStatus().isAccepted();
        integration.post(call).expectStatus().isAccepted();
        integration.post(ActivityMother.dealClosed(TestOrg.REP).with("source", "metrics-crm").with("amount", "0"))
                .expectStatus().isBadRequest();

        assertThat(count("metrics-crm", "FOLLOW_UP_LOGGED", "accepted")).isEqualTo(accepted + 1);
        assertThat(count("metrics-crm", "FOLLOW_UP_LOGGED", "duplicate")).isEqualTo(duplicate + 1);
        assertThat(count("metrics-crm", "DEAL_CLOSED", "rejected")).isEqualTo(rejected + 1);
        assertThat(meters.get("quotaflow.activity.ingestion.latency").tag("via", "api").timer().count()).isPositive();
        http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk().expectBody(String.class)
                .value(text -> assertThat(text)
                        .contains("quotaflow_activity_ingested_total{application=\"activity-service\",outcome=\"duplicate\","
                                + "source=\"metrics-crm\",type=\"FOLLOW_UP_LOGGED\",via=\"api\"}")
                        .contains("quotaflow_activity_ingestion_latency_seconds_bucket{application=\"activity-service\""));
    }

    @Test
    void shouldLetOnlyAdminsSetRatesAndNameEveryBadEntry() {
        new ActivityApi(http, tokens.manager("alice", TestOrg.TEAM)).put("/api/activities/rates/JPY",
                Map.of("entries", List.of(Map.of("effectiveFrom", "2027-01-01", "rate", "0.0470")))).expectStatus()
                .isForbidden();

        assertThat(ActivityApi.problems(admin.put("/api/activities/rates/JPY", Map.of("entries", List.of(
                Map.of("effectiveFrom", "2027-01-01", "rate", "-1"),
                Map.of("effectiveFrom", "2027-01-01", "rate", "0.05")))), HttpStatus.BAD_REQUEST))
                .extracting(FieldProblem::field).containsExactly("entries[0].rate", "entries[1].effectiveFrom");
        assertThat(ActivityApi.problems(admin.put("/api/activities/rates/CNY", Map.of("entries", List.of(
                Map.of("effectiveFrom", "2027-01-01", "rate", "1")))), HttpStatus.BAD_REQUEST))
                .extracting(FieldProblem::field).containsExactly("currency");
        admin.get("/api/activities/rates/USD").expectStatus().isOk().expectBody()
                .jsonPath("$.reportingCurrency").isEqualTo("CNY")
                .jsonPath("$.entries[1].effectiveFrom").isEqualTo("2027-01-19")
                .jsonPath("$.entries[1].rate").isEqualTo("7.2345");
    }

    @Test
    void shouldForgetReceiptsOlderThanTheirRetention() {
        UUID old = integration.accepted(ActivityMother.followUpLogged(TestOrg.REP)).eventId();
        UUID recent = integration.accepted(ActivityMother.followUpLogged(TestOrg.REP)).eventId();
        mongo.getCollection(Receipts.COLLECTION).updateOne(new Document("_id", old.toString()),
                new Document("$set", new Document("at",
                        Date.from(Instant.now().minus(Duration.ofDays(401))))));

        assertThat(receipts.purge()).isGreaterThanOrEqualTo(1);

        assertThat(mongo.getCollection(Receipts.COLLECTION).countDocuments(new Document("_id", old.toString())))
                .isZero();
        assertThat(mongo.getCollection(Receipts.COLLECTION)
                .countDocuments(new Document("_id", recent.toString()))).isOne();
    }

    private double count(String source, String type, String outcome) {
        var counter = meters.find("quotaflow.activity.ingested").tag("via", "api").tag("source", source)
                .tag("type", type).tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }
}
