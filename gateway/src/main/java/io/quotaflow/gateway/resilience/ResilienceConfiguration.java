package io.quotaflow.gateway.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A time limit and a circuit breaker per downstream service (configured under {@code resilience4j} and named after
 * the service), applied by each route's {@code CircuitBreaker} filter; their state in health and metrics.
 */
@Configuration
class ResilienceConfiguration {

    /** The path the client called, kept for the fallback, which sees only the path it was forwarded to. */
    static final String CALLED_PATH = ResilienceConfiguration.class.getName() + ".calledPath";

    @Bean
    CalledPath calledPath() {
        return new CalledPath();
    }

    @Bean
    CircuitBreakersHealth circuitBreakersHealthContributor(CircuitBreakerRegistry breakers) {
        return new CircuitBreakersHealth(breakers);
    }

    /** Keeps the called path under {@link #CALLED_PATH} before any route filter runs. */
    static final class CalledPath implements GlobalFilter, Ordered {

        @Override
        public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
            exchange.getAttributes().putIfAbsent(CALLED_PATH, exchange.getRequest().getPath().value());
            return chain.filter(exchange);
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }
}
