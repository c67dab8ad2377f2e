package io.quotaflow.gateway.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The state of each downstream service's circuit breaker, as the {@code circuitBreakers} health component: one
 * member per service, {@code UP} while its breaker is closed, {@code CIRCUIT_OPEN} or {@code CIRCUIT_HALF_OPEN}
 * otherwise (with failure rate and call counts as details). An open breaker never takes the gateway's own health
 * down: those two statuses are not in the aggregation order, so the gateway stays {@code UP} and keeps answering
 * 503s for the one service that is away. (Resilience4j's own indicator is built for Boot 3.)
 */
class CircuitBreakersHealth implements CompositeHealthContributor {

    static final Status OPEN = new Status("CIRCUIT_OPEN", "calls are answered 503 without reaching the service");
    static final Status HALF_OPEN = new Status("CIRCUIT_HALF_OPEN", "a few calls are let through to probe the service");

    private final CircuitBreakerRegistry breakers;

    CircuitBreakersHealth(CircuitBreakerRegistry breakers) {
        this.breakers = breakers;
    }

    @Override
    public HealthContributor getContributor(String name) {
        return breakers.find(name).map(CircuitBreakersHealth::indicator).orElse(null);
    }

    @Override
    public Stream<Entry> stream() {
        return breakers.getAllCircuitBreakers().stream()
                .sorted(Comparator.comparing(CircuitBreaker::getName))
                .map(breaker -> new Entry(breaker.getName(), indicator(breaker)));
    }

    private static HealthIndicator indicator(CircuitBreaker breaker) {
        return () -> {
            CircuitBreaker.Metrics metrics = breaker.getMetrics();
            return Health.status(status(breaker.getState()))
                    .withDetail("state", breaker.getState().name())
                    .withDetail("failureRate", metrics.getFailureRate())
                    .withDetail("failedCalls", metrics.getNumberOfFailedCalls())
                    .withDetail("bufferedCalls", metrics.getNumberOfBufferedCalls())
                    .withDetail("notPermittedCalls", metrics.getNumberOfNotPermittedCalls())
                    .build();
        };
    }

    private static Status status(CircuitBreaker.State state) {
        if (state == CircuitBreaker.State.OPEN || state == CircuitBreaker.State.FORCED_OPEN) {
            return OPEN;
        }
        if (state == CircuitBreaker.State.HALF_OPEN) {
            return HALF_OPEN;
        }
        return Status.UP;
    }
}
