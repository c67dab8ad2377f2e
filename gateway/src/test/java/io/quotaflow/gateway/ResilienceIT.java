package io.quotaflow.gateway;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A dead or slow service is answered 503 naming it, within the time limit; its breaker opens, then closes. */
@StubbedGateway
class ResilienceIT {

    static final StubServices services = StubServices.shared();
    static final Duration TIME_LIMIT = Duration.parse("PT" + StubbedGateway.TIME_LIMIT);

    @Autowired
    WebTestClient http;

    @Autowired
    CircuitBreakerRegistry breakers;

    @Autowired
    MeterRegistry meters;

    String token;

    @BeforeEach
    void resetEverything() {
        token = new DevTokens(http).manager("alice", "t-east");
        breakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
        services.clear();
    }

    @AfterEach
    void bringEveryServiceBack() {
        StubServices.NAMES.forEach(services::restart);
        services.answerAsUsual();
        breakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
    }

    @Test
    void shouldAnswer503NamingAStoppedServiceWithinTheTimeLimitThenOpenAndLaterCloseItsBreaker() {
        services.stop("kpi-service");

        for (int call = 0; call < 4; call++) {
            long started = System.nanoTime();
            getKpis().expectStatus().isEqualTo(503)
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.status").isEqualTo(503)
                    .jsonPath("$.service").isEqualTo("kpi-service")
                    .jsonPath("$.instance").isEqualTo("/api/kpis/teams/t-east")
                    .jsonPath("$.detail").value(detail -> assertThat(detail.toString()).contains("kpi-service"))
                    .jsonPath("$.correlationId").exists();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(TIME_LIMIT);
        }

        assertThat(breakers.circuitBreaker("kpi-service").getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(meters.get("resilience4j.circuitbreaker.state").tags("name", "kpi-service", "state", "open")
                .gauge().value()).isEqualTo(1.0);
        http.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.circuitBreakers.components.kpi-service.status").isEqualTo("CIRCUIT_OPEN")
                .jsonPath("$.components.circuitBreakers.components.target-service.status").isEqualTo("UP");

        // Open: answered at once, with a hint when to come back, and nothing more is sent to the service.
        services.restart("kpi-service");
        services.clear();
        getKpis().expectStatus().isEqualTo(503)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "2")
                .expectBody().jsonPath("$.service").isEqualTo("kpi-service");
        assertThat(services.received("kpi-service")).isEmpty();

        // Back: once the open period is over, probes go through and the breaker closes.
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            assertThat(getKpis().returnResult(String.class).getStatus().value()).isEqualTo(200);
            assertThat(breakers.circuitBreaker("kpi-service").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        });
        assertThat(services.received("kpi-service")).isNotEmpty();
        assertThat(meters.get("resilience4j.circuitbreaker.state").tags("name", "kpi-service", "state", "closed")
                .gauge().value()).isEqualTo(1.0);
        http.get().uri("/actuator/health").exchange().expectBody()
                .jsonPath("$.components.circuitBreakers.components.kpi-service.status").isEqualTo("UP");
    }

    @Test
    void shouldAnswer503WhenAServiceDoesNotAnswerWithinTheTimeLimit() {
        services.answer("incentive-service", request -> StubServices.Answer.json(200, "{}").after(TIME_LIMIT.multipliedBy(3)));

        long started = System.nanoTime();
        http.get().uri("/api/incentives/awards?repId=r-001&period=2027-01")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.service").isEqualTo("incentive-service");

        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .isGreaterThanOrEqualTo(TIME_LIMIT).isLessThan(TIME_LIMIT.plusSeconds(1));
    }

    @Test
    void shouldPassFortyConcurrentReadsToOneServiceWithoutRefusingAny() throws Exception {
        // Resilience4j's default bulkhead holds 25 calls in flight and refused the rest at once with a 503.
        services.answer("kpi-service", request -> StubServices.Answer.json(200, "{}").after(Duration.ofMillis(700)));
        int callers = 40;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                calls.add(() -> getKpis().returnResult(String.class).getStatus().value());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : pool.invokeAll(calls, 30, TimeUnit.SECONDS)) {
                statuses.add(status.get());
            }
            assertThat(statuses).hasSize(callers).containsOnly(200);
        } finally {
            pool.shutdownNow();
        }
        assertThat(services.received("kpi-service")).hasSize(callers);
    }

    @Test
    void shouldRetryAnIdempotentReadButNeverAWrite() {
        AtomicInteger calls = new AtomicInteger();
        services.answer("target-service", request -> calls.incrementAndGet() % 2 == 1
                ? StubServices.Answer.json(503, "{\"status\":503}") : null);

        http.get().uri("/api/targets/plans/p-1").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .expectStatus().isOk();
        assertThat(services.received("target-service")).hasSize(2);

        services.clear();
        http.post().uri("/api/targets/plans/p-1/commitments").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"entityType\":\"TEAM\"}")
                .exchange()
                .expectStatus().isEqualTo(503);
        assertThat(services.received("target-service")).singleElement()
                .satisfies(request -> assertThat(request.method()).isEqualTo("POST"));
    }

    private WebTestClient.ResponseSpec getKpis() {
        return http.get().uri("/api/kpis/teams/t-east?period=2027-01")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange();
    }
}
