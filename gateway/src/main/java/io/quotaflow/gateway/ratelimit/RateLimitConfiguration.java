package io.quotaflow.gateway.ratelimit;

import io.micrometer.core.instrument.MeterRegistry;
import io.quotaflow.gateway.web.ProblemResponses;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Per-caller rate limits on the routes ({@code - RateLimit=<policy>}). */
@Configuration
class RateLimitConfiguration {

    @Bean
    KeyResolver callerKeyResolver() {
        return new CallerKeyResolver();
    }

    @Bean
    RateLimitGatewayFilterFactory rateLimitGatewayFilterFactory(RateLimitProperties properties, KeyResolver callers,
                                                                ProblemResponses problems, MeterRegistry meters) {
        return new RateLimitGatewayFilterFactory(properties, callers, problems, meters);
    }
}
