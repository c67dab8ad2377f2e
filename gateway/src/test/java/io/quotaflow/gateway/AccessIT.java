package io.quotaflow.gateway;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Coarse role checks per route, webhooks without a token, CORS, the access log and per-route metrics. */
@StubbedGateway
class AccessIT {

    static final StubServices services = StubServices.shared();

    @Autowired
    WebTestClient http;

    @Autowired
    MeterRegistry meters;

    DevTokens tokens;
    ListAppender<ILoggingEvent> accessLog;

    @BeforeEach
    void listen() {
        tokens = new DevTokens(http);
        services.clear();
        accessLog = new ListAppender<>();
        accessLog.start();
        ((Logger) LoggerFactory.getLogger("io.quotaflow.gateway.access.AccessLog")).addAppender(accessLog);
    }

    @AfterEach
    void stopListening() {
        ((Logger) LoggerFactory.getLogger("io.quotaflow.gateway.access.AccessLog")).detachAppender(accessLog);
    }

    @Test
    void shouldLetIntegrationIngestAndNothingElse() {
        String integration = tokens.integration("crm-sync");

        call(HttpMethod.POST, "/api/activities", integration).expectStatus().isOk();
        call(HttpMethod.POST, "/api/activities/batch", integration).expectStatus().isOk();
        call(HttpMethod.GET, "/api/activities/imports/job-7", integration).expectStatus().isOk();
        call(HttpMethod.PUT, "/api/crm/owners/hubspot/42", integration).expectStatus().isOk();
        assertThat(services.received()).extracting(StubServices.Received::path).containsExactly(
                "/api/activities", "/api/activities/batch", "/api/activities/imports/job-7",
                "/api/crm/owners/hubspot/42");

        services.clear();
        for (String path : List.of("/api/kpis/reps/r-001?period=2027-01", "/api/kpis/company?period=2027-01",
                "/api/activities?repId=r-001", "/api/targets?period=2027-01", "/api/org/reps",
                "/api/incentives/statements/r-001?period=2027-01")) {
            call(HttpMethod.GET, path, integration)
                    .expectStatus().isForbidden()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.status").isEqualTo(403);
        }
        call(HttpMethod.POST, "/api/incentives/periods/2027-01/close", integration).expectStatus().isForbidden();
        assertThat(services.received()).isEmpty();
    }

    @Test
    void shouldLetTheSalesOrgReadAndLeaveOwnershipToTheServices() {
        Map<String, String> callers = Map.of(
                "manager", tokens.manager("alice", "t-east"),
                "rep", tokens.rep("r-001"),
                "admin", tokens.admin("ops"));

        // Whose data it is (another rep, another team) is each service's check, not the gateway's.
        callers.forEach((who, token) -> {
            call(HttpMethod.GET, "/api/kpis/reps/r-002?period=2027-01", token).expectStatus().isOk();
            call(HttpMethod.GET, "/api/kpis/teams/t-west?period=2027-01", token).expectStatus().isOk();
            call(HttpMethod.POST, "/api/activities", token).expectStatus().isOk();
        });
        assertThat(services.received()).hasSize(9);

        services.clear();
        call(HttpMethod.PUT, "/api/crm/owners/hubspot/42", callers.get("rep")).expectStatus().isForbidden();
        call(HttpMethod.PUT, "/api/crm/owners/hubspot/42", callers.get("manager")).expectStatus().isForbidden();
        call(HttpMethod.PUT, "/api/crm/owners/hubspot/42", callers.get("admin")).expectStatus().isOk();
        assertThat(services.received()).singleElement()
                .satisfies(request -> assertThat(request.authorization()).isEqualTo("Bearer " + callers.get("admin")));
    }

    @Test
    void shouldPassSignedWebhooksWithoutATokenButNothingElseUnderCrm() {
        for (String crm : List.of("hubspot", "salesforce", "webhook")) {
            http.post().uri("/api/crm/" + crm).contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                    .exchange().expectStatus().isOk();
        }
        http.get().uri("/api/crm/hubspot").exchange().expectStatus().isUnauthorized();
        http.post().uri("/api/crm/owners/hubspot/42").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isUnauthorized();

        assertThat(services.received()).extracting(StubServices.Received::service)
                .containsExactly("activity-service", "activity-service", "activity-service");
    }

    @Test
    void shouldAnswerAPreflightFromAnAllowedOriginOnlyAndExposeTheCorrelationId() {
        http.options().uri("/api/kpis/company?period=2027-01")
                .header(HttpHeaders.ORIGIN, StubbedGateway.ALLOWED_ORIGIN)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "Authorization")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, StubbedGateway.ALLOWED_ORIGIN)
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS,
                        headers -> assertThat(headers).containsIgnoringCase("authorization"));

        http.options().uri("/api/kpis/company?period=2027-01")
                .header(HttpHeaders.ORIGIN, "http://elsewhere.example")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);

        http.get().uri("/api/kpis/company?period=2027-01")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.admin("ops"))
                .header(HttpHeaders.ORIGIN, StubbedGateway.ALLOWED_ORIGIN)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, StubbedGateway.ALLOWED_ORIGIN)
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS,
                        headers -> assertThat(headers).contains("X-Correlation-Id", "Retry-After"));
        assertThat(services.received()).hasSize(1);
    }

    @Test
    void shouldLogOneLinePerRequestWithCorrelationIdStatusAndLatency() {
        String token = tokens.manager("alice", "t-east");
        http.get().uri("/api/kpis/teams/t-east?period=2027-01").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .header("X-Correlation-Id", "corr-logged-200").exchange().expectStatus().isOk();
        http.get().uri("/api/kpis/teams/t-east?period=2027-01")
                .header("X-Correlation-Id", "corr-logged-401").exchange().expectStatus().isUnauthorized();

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(lines())
                .anySatisfy(line -> assertThat(line).matches(
                        "GET /api/kpis/teams/t-east 200 \\d+ ms route=kpi-service correlationId=corr-logged-200"))
                .anySatisfy(line -> assertThat(line).matches(
                        "GET /api/kpis/teams/t-east 401 \\d+ ms route=- correlationId=corr-logged-401")));
        assertThat(lines()).filteredOn(line -> line.contains("corr-logged-200")).hasSize(1);
    }

    @Test
    void shouldCountAndTimeRequestsPerRouteInAHistogram() {
        String token = tokens.manager("alice", "t-east");
        double before = requests("incentive-service");

        for (int i = 0; i < 3; i++) {
            call(HttpMethod.GET, "/api/incentives/awards?repId=r-001&period=2027-01", token).expectStatus().isOk();
        }

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(requests("incentive-service")).isEqualTo(before + 3));
        Timer timer = meters.get("spring.cloud.gateway.requests").tags("routeId", "incentive-service", "status", "OK")
                .timer();
        assertThat(timer.takeSnapshot().histogramCounts()).as("latency histogram buckets").isNotEmpty();
        assertThat(timer.getId().getTag("application")).isEqualTo("gateway");
    }

    private double requests(String route) {
        return meters.find("spring.cloud.gateway.requests").tag("routeId", route).timers().stream()
                .mapToDouble(Timer::count).sum();
    }

    private List<String> lines() {
        return accessLog.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    private WebTestClient.ResponseSpec call(HttpMethod method, String path, String token) {
        WebTestClient.RequestBodySpec request = http.method(method).uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        if (method == HttpMethod.POST || method == HttpMethod.PUT) {
            return request.contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange();
        }
        return request.exchange();
    }
}
