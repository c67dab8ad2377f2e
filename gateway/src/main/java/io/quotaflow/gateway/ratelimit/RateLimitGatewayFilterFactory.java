package io.quotaflow.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.MeterRegistry;
import io.quotaflow.gateway.web.ProblemResponses;
import io.quotaflow.web.ProblemFactory;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;

/**
 * {@code - RateLimit=<policy>} on a route: each caller (see {@link CallerKeyResolver}) gets a Bucket4j token bucket
 * of the policy's size for this route; a request that finds it empty is answered {@code 429} problem with
 * {@code Retry-After} (whole seconds until a token is back) and is not routed. Allowed requests carry
 * {@code X-RateLimit-Remaining}.
 *
 * <p>Buckets live in this gateway instance's memory, in a bounded cache that forgets a caller once a whole period
 * passed without a request (by then the bucket would be full again, so forgetting it changes nothing). Several
 * gateway instances each hold their own buckets: see the README.
 */
public class RateLimitGatewayFilterFactory extends AbstractGatewayFilterFactory<RateLimitGatewayFilterFactory.Config> {

    static final String REMAINING = "X-RateLimit-Remaining";

    private final RateLimitProperties properties;
    private final KeyResolver callers;
    private final ProblemResponses problems;
    private final MeterRegistry meters;

    public RateLimitGatewayFilterFactory(RateLimitProperties properties, KeyResolver callers, ProblemResponses problems,
                                         MeterRegistry meters) {
        super(Config.class);
        this.properties = properties;
        this.callers = callers;
        this.problems = problems;
        this.meters = meters;
    }

    @Override
    public List<String> shortcutFieldOrder() {
        return List.of("policy");
    }

    @Override
    public GatewayFilter apply(Config config) {
        RateLimitProperties.Policy policy = properties.policy(config.getPolicy());
        Cache<String, Bucket> buckets = Caffeine.newBuilder()
                .maximumSize(properties.maxCallers())
                .expireAfterAccess(policy.period())
                .build();
        return (exchange, chain) -> callers.resolve(exchange).flatMap(caller -> {
            ConsumptionProbe probe = buckets.get(caller, key -> newBucket(policy)).tryConsumeAndReturnRemaining(1);
            if (probe.isConsumed()) {
                exchange.getResponse().getHeaders().set(REMAINING, Long.toString(probe.getRemainingTokens()));
                return chain.filter(exchange);
            }
            return refuse(exchange, config.getPolicy(), Duration.ofNanos(probe.getNanosToWaitForRefill()));
        });
    }

    private Mono<Void> refuse(ServerWebExchange exchange, String policy, Duration wait) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        meters.counter("quotaflow.gateway.rate.limited", "routeId", route == null ? "none" : route.getId(),
                "policy", policy).increment();
        exchange.getResponse().getHeaders().set(REMAINING, "0");
        // With Retry-After: the whole seconds until a token is back.
        return problems.write(exchange, ProblemFactory.tooManyRequests(wait));
    }

    private static Bucket newBucket(RateLimitProperties.Policy policy) {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(policy.capacity()).refillGreedy(policy.capacity(), policy.period()))
                .build();
    }

    public static class Config {

        private String policy;

        public String getPolicy() {
            return policy;
        }

        public void setPolicy(String policy) {
            this.policy = policy;
        }
    }
}
