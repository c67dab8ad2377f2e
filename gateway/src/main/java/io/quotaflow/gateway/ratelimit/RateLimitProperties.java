package io.quotaflow.gateway.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.Map;

/**
 * Rate limits per caller, named so that each route picks one ({@code - RateLimit=reads}).
 *
 * @param maxCallers how many callers' buckets one route keeps at most (least recently seen ones go first)
 * @param policies   the limits by name
 */
@ConfigurationProperties("quotaflow.gateway.rate-limits")
public record RateLimitProperties(Long maxCallers, Map<String, Policy> policies) {

    public RateLimitProperties {
        maxCallers = maxCallers == null ? 100_000L : maxCallers;
        policies = policies == null ? Map.of() : Map.copyOf(policies);
    }

    Policy policy(String name) {
        Policy policy = policies.get(name);
        if (policy == null) {
            throw new IllegalArgumentException("No rate-limit policy named '" + name + "': define it under "
                    + "quotaflow.gateway.rate-limits.policies (known: " + policies.keySet() + ")");
        }
        return policy;
    }

    /**
     * A bucket of {@code capacity} requests per caller, refilled at {@code capacity} per {@code period}: a burst of
     * up to {@code capacity} requests, and {@code capacity} per {@code period} on average.
     */
    public record Policy(long capacity, Duration period) {

        public Policy {
            if (capacity < 1) {
                throw new IllegalArgumentException("a rate limit's capacity must be at least 1, not " + capacity);
            }
            if (period == null || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("a rate limit's period must be positive, not " + period);
            }
        }
    }
}
