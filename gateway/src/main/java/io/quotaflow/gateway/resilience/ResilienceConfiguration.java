package io.quotaflow.gateway.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A time limit and a circuit breaker per downstream service (configured under {@code resilience4j} and named after
 * the service), applied by each route's {@code CircuitBreaker} filter; their state in health and metrics.
 */
@Configuration
class ResilienceConfiguration {

    @Bean
    CircuitBreakersHealth circuitBreakersHealthContributor(CircuitBreakerRegistry breakers) {
        return new CircuitBreakersHealth(breakers);
    }
}
