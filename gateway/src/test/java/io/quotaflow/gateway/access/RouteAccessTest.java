package io.quotaflow.gateway.access;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RouteAccessTest {

    private final RouteAccess access = new RouteAccess(List.of(
            new AccessProperties.Rule(Set.of("POST"), List.of("/api/activities"), Set.of("REP", "INTEGRATION")),
            new AccessProperties.Rule(Set.of(), List.of("/api/kpis/**"), Set.of("MANAGER", "REP"))));

    @Test
    void shouldLetTheFirstMatchingRuleDecide() {
        assertThat(granted("POST", "/api/activities", "INTEGRATION")).isTrue();
        assertThat(granted("POST", "/api/activities", "MANAGER")).isFalse();
        assertThat(granted("GET", "/api/kpis/teams/t-east", "MANAGER")).isTrue();
        assertThat(granted("DELETE", "/api/kpis/teams/t-east", "REP")).isTrue();
        assertThat(granted("GET", "/api/kpis/company", "INTEGRATION")).isFalse();
    }

    @Test
    void shouldRefuseAPathNoRuleNamesAndAMethodTheRuleDoesNotName() {
        assertThat(granted("GET", "/api/somewhere-new", "ADMIN")).isFalse();
        assertThat(granted("GET", "/api/activities", "INTEGRATION")).isFalse();
    }

    @Test
    void shouldRefuseACallerWithoutRolesOrWithoutAToken() {
        assertThat(granted("GET", "/api/kpis/company")).isFalse();
        assertThat(decide("GET", "/api/kpis/company", Mono.empty())).isFalse();
        TestingAuthenticationToken notAJwt = new TestingAuthenticationToken("alice", "", "ROLE_MANAGER");
        notAJwt.setAuthenticated(true);
        assertThat(decide("GET", "/api/kpis/company", Mono.just(notAJwt))).isFalse();
    }

    private boolean granted(String method, String path, String... roles) {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("someone")
                .claim("roles", List.of(roles)).issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60))
                .build();
        return decide(method, path, Mono.just(new JwtAuthenticationToken(jwt, List.of())));
    }

    private boolean decide(String method, String path, Mono<Authentication> caller) {
        MockServerWebExchange exchange = MockServerWebExchange.from(
                MockServerHttpRequest.method(HttpMethod.valueOf(method), path));
        return access.authorize(caller, new AuthorizationContext(exchange)).block().isGranted();
    }
}
