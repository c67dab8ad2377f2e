package io.quotaflow.gateway;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.List;
import java.util.Map;

/** The default configuration: the gateway mints nothing. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class GatewayWithoutDevTokensIT {

    @DynamicPropertySource
    static void ownKeyOnly(DynamicPropertyRegistry registry) {
        registry.add("quotaflow.gateway.tokens.signing-key-location", () -> "file:" + TestKeys.writeSigningKey());
    }

    @Autowired
    WebTestClient http;

    @Test
    void shouldNotMintTokensByDefault() {
        http.post().uri("/auth/dev-token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("sub", "alice", "roles", List.of("ADMIN")))
                .exchange()
                .expectStatus().isNotFound();
    }
}
