package io.quotaflow.gateway.ratelimit;

import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.InetSocketAddress;
import java.security.Principal;

import static org.assertj.core.api.Assertions.assertThat;

class CallerKeyResolverTest {

    private final CallerKeyResolver callers = new CallerKeyResolver();

    @Test
    void shouldCountATokensCallsAgainstItsSubject() {
        ServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/kpis/company"))
                .mutate().principal(Mono.just((Principal) new TestingAuthenticationToken("alice", ""))).build();

        assertThat(callers.resolve(exchange).block()).isEqualTo("sub:alice");
    }

    @Test
    void shouldCountAWebhookAgainstItsCrmAndTheAddressItCallsFrom() {
        assertThat(callers.resolve(anonymous("/api/crm/hubspot", "203.0.113.9")).block())
                .isEqualTo("webhook:hubspot@203.0.113.9");
        assertThat(callers.resolve(anonymous("/api/crm/salesforce", "203.0.113.9")).block())
                .isEqualTo("webhook:salesforce@203.0.113.9");
        assertThat(callers.resolve(anonymous("/api/other", "198.51.100.1")).block())
                .isEqualTo("address:198.51.100.1");
    }

    private static ServerWebExchange anonymous(String path, String address) {
        return MockServerWebExchange.from(MockServerHttpRequest.post(path)
                .remoteAddress(new InetSocketAddress(address, 40_000)));
    }
}
