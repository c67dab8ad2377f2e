package io.quotaflow.gateway;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.List;
import java.util.Map;

/** Tokens minted by the gateway under test ({@code POST /auth/dev-token}), for the roles the tests need. */
final class DevTokens {

    private final WebTestClient http;

    DevTokens(WebTestClient http) {
        this.http = http;
    }

    String manager(String sub, String team) {
        return mint(Map.of("sub", sub, "roles", List.of("MANAGER"), "teamIds", List.of(team)));
    }

    String rep(String repId) {
        return mint(Map.of("sub", repId, "roles", List.of("REP"), "repId", repId));
    }

    String admin(String sub) {
        return mint(Map.of("sub", sub, "roles", List.of("ADMIN")));
    }

    String integration(String sub) {
        return mint(Map.of("sub", sub, "roles", List.of("INTEGRATION")));
    }

    String mint(Map<String, Object> request) {
        Map<?, ?> answer = http.post().uri("/auth/dev-token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(request)
                .exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        return answer.get("token").toString();
    }
}
