package io.quotaflow.gateway;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The default configuration: the gateway mints nothing; and a service that cannot be reached. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class GatewayWithoutDevTokensIT {

    @DynamicPropertySource
    static void ownKeyOnlyAndNoTargetService(DynamicPropertyRegistry registry) {
        registry.add("quotaflow.gateway.tokens.signing-key-location", () -> "file:" + TestKeys.writeSigningKey());
        registry.add("TARGET_SERVICE_URL", () -> "http://127.0.0.1:" + aPortNobodyListensOn());
    }

    @Autowired
    WebTestClient http;

    @Test
    void shouldNotMintTokensByDefault() {
        http.post().uri("/auth/dev-token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("sub", "alice", "roles", List.of("ADMIN")))
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void shouldAnswer503ProblemWithoutTheConnectionErrorWhenAServiceCannotBeReached() {
        String token = TestKeys.signedByTheGateway(TestKeys.claims("http://127.0.0.1:8080").build());

        String body = http.get().uri("/api/targets/whoami").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).returnResult().getResponseBody();

        // The route's circuit breaker answers, naming the service (see ResilienceIT).
        assertThat(body).contains("\"detail\":\"target-service is unavailable; try again shortly.\"",
                        "\"instance\":\"/api/targets/whoami\"", "correlationId")
                .doesNotContain("Connection refused", "127.0.0.1", "Exception", "netty", "fallback");
    }

    @Test
    void shouldAnswerAnUnknownAddressInItsOwnWords() {
        String body = http.get().uri("/no/such/page").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(body).contains("There is nothing at this address.").doesNotContain("static resource", "Exception");
    }

    private static int aPortNobodyListensOn() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
