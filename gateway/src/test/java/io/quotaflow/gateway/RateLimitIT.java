package io.quotaflow.gateway;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A burst from one caller is answered 429 with Retry-After, while other callers are unaffected. */
@StubbedGateway
@TestPropertySource(properties = {
        "QUOTAFLOW_RATE_LIMIT_READS=" + RateLimitIT.READS,
        "QUOTAFLOW_RATE_LIMIT_WEBHOOKS=" + RateLimitIT.WEBHOOKS})
class RateLimitIT {

    static final int READS = 5;
    static final int WEBHOOKS = 3;
    static final StubServices services = StubServices.shared();

    @Autowired
    WebTestClient http;

    DevTokens tokens;

    @BeforeEach
    void forgetEarlierRequests() {
        tokens = new DevTokens(http);
        services.clear();
    }

    @Test
    void shouldAnswer429WithRetryAfterToABurstFromOneCallerWhileAnotherIsUnaffected() {
        String noisy = tokens.manager("noisy-" + UUID.randomUUID(), "t-east");
        String quiet = tokens.manager("quiet-" + UUID.randomUUID(), "t-east");

        List<EntityExchangeResult<String>> burst = new ArrayList<>();
        for (int i = 0; i < READS + 3; i++) {
            burst.add(kpis(noisy));
        }

        assertThat(burst.subList(0, READS)).allSatisfy(result -> {
            assertThat(result.getStatus().value()).isEqualTo(200);
            assertThat(result.getResponseHeaders().getFirst("X-RateLimit-Remaining")).isNotNull();
        });
        assertThat(burst.subList(READS, burst.size())).allSatisfy(result -> {
            assertThat(result.getStatus().value()).isEqualTo(429);
            assertThat(result.getResponseHeaders().getContentType()).isNotNull()
                    .satisfies(type -> assertThat(type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue());
            assertThat(Long.parseLong(result.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)))
                    .isBetween(1L, 60L);
            assertThat(result.getResponseBody()).contains("\"status\":429", "Too many requests");
        });
        assertThat(services.received("kpi-service")).hasSize(READS);

        for (int i = 0; i < READS; i++) {
            assertThat(kpis(quiet).getStatus().value()).isEqualTo(200);
        }
        // Limits are per route: the noisy caller still reaches the other services.
        http.get().uri("/api/targets/plans?period=2027-01").header(HttpHeaders.AUTHORIZATION, "Bearer " + noisy)
                .exchange().expectStatus().isOk();
    }

    @Test
    void shouldLimitWebhooksPerCrmSoThatOneCrmsFloodLeavesTheOthersThrough() {
        List<Integer> hubspot = new ArrayList<>();
        for (int i = 0; i < WEBHOOKS + 2; i++) {
            hubspot.add(webhook("hubspot"));
        }

        assertThat(hubspot).containsExactly(200, 200, 200, 429, 429);
        assertThat(webhook("salesforce")).isEqualTo(200);
        assertThat(webhook("webhook")).isEqualTo(200);
    }

    private EntityExchangeResult<String> kpis(String token) {
        return http.get().uri("/api/kpis/teams/t-east?period=2027-01")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .expectBody(String.class).returnResult();
    }

    private int webhook(String crm) {
        return http.post().uri("/api/crm/" + crm).contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().returnResult(String.class).getStatus().value();
    }
}
