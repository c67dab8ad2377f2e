package io.quotaflow.testsupport;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every Quotaflow service must show once started against real infrastructure: healthy with its
 * MongoDB and Kafka, metrics exposed, tokens validated by the service itself, the caller's identity seen
 * as the token states it, and correlation ids carried. Each service runs it embedded ({@link ServiceIT})
 * and, where Docker exists, against containers ({@link ServiceContainersIT}).
 */
public abstract class ServiceStartupScenario {

    @Autowired
    protected RestTestClient http;

    @Autowired
    protected org.springframework.security.oauth2.jwt.JwtDecoder decoder;

    @Value("${spring.application.name}")
    protected String service;

    protected final TestTokens tokens = TestTokens.shared();

    /** The service's identity echo, e.g. {@code /api/targets/whoami}. */
    protected abstract String whoamiPath();

    @Test
    void shouldReportHealthUpWithMongoAndKafka() {
        http.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.mongo.status").isEqualTo("UP")
                .jsonPath("$.components.kafka.status").isEqualTo("UP");
    }

    @Test
    void shouldExposePrometheusMetricsTaggedWithTheApplication() {
        String metrics = http.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(metrics).contains("application=\"" + service + "\"").contains("jvm_memory_used_bytes");
    }

    @Test
    void shouldAnswer401ProblemWithoutAToken() {
        http.get().uri(whoamiPath()).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(401)
                .jsonPath("$.title").isEqualTo("Unauthorized");
    }

    @Test
    void shouldRejectATamperedTokenItself() {
        String tampered = tokens.tampered(tokens.rep("r-001"));

        http.get().uri(whoamiPath()).header(HttpHeaders.AUTHORIZATION, "Bearer " + tampered).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void shouldRejectTokensSignedByAnUnknownKeyOrExpired() {
        assertRefused(tokens.signedByStranger("mallory", List.of("ADMIN")));
        assertRefused(tokens.expired("alice", List.of("ADMIN")));
    }

    @Test
    void shouldRejectTokensOfAnotherIssuerOrAudience() {
        assertRefused(tokens.wrongIssuer("alice", List.of("ADMIN")));
        assertRefused(tokens.wrongAudience("alice", List.of("ADMIN")));
    }

    @Test
    void shouldRejectUnsignedTokens() {
        assertRefused(tokens.unsigned("alice", List.of("ADMIN")));
        assertRefused(tokens.withoutSignature(tokens.admin()));
    }

    @Test
    void shouldSeeTheIdentityTheTokenStates() {
        http.get().uri(whoamiPath())
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.manager("alice", "t-east", "t-north"))
                .header("X-Correlation-Id", "corr-startup-1")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Correlation-Id", "corr-startup-1")
                .expectBody()
                .jsonPath("$.service").isEqualTo(service)
                .jsonPath("$.subject").isEqualTo("alice")
                .jsonPath("$.roles[0]").isEqualTo("MANAGER")
                .jsonPath("$.teamIds.length()").isEqualTo(2)
                .jsonPath("$.correlationId").isEqualTo("corr-startup-1");
        http.get().uri(whoamiPath())
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.rep("r-001"))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.repId").isEqualTo("r-001")
                .jsonPath("$.roles[0]").isEqualTo("REP");
    }

    @Test
    void shouldRememberAValidatedTokenButStillRejectAnyAlteredCopy() {
        // platform's CachingJwtDecoder (test-support cannot name it: platform depends on test-support)
        assertThat(decoder.getClass().getSimpleName()).as("the resource server's decoder remembers validated tokens")
                .isEqualTo("CachingJwtDecoder");
        String token = tokens.manager("carol", "t-east");
        for (int call = 0; call < 2; call++) {
            http.get().uri(whoamiPath()).header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.subject").isEqualTo("carol");
        }
        assertRefused(tokens.tampered(token));
        assertRefused(tokens.withoutSignature(token));
    }

    /** 401 problem+json that says no more than that a valid token is needed. */
    private void assertRefused(String token) {
        http.get().uri(whoamiPath()).header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectBody()
                .jsonPath("$.status").isEqualTo(401)
                .jsonPath("$.detail").isEqualTo("A valid bearer token is required.");
    }

    @Test
    void shouldCreateACorrelationIdWhenTheCallerSendsNone() {
        String correlationId = http.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .returnResult(String.class).getResponseHeaders().getFirst("X-Correlation-Id");

        assertThat(correlationId).isNotBlank();
    }
}
