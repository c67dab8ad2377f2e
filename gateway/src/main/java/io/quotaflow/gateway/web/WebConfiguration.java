package io.quotaflow.gateway.web;

import io.quotaflow.web.HttpLimits;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import tools.jackson.databind.json.JsonMapper;

/** Correlation ids, body-size limits and problem responses at the gateway, as in every service. */
@Configuration
public class WebConfiguration {

    @Bean
    ProblemResponses problemResponses(JsonMapper mapper) {
        return new ProblemResponses(mapper);
    }

    @Bean
    CorrelationIdFilter correlationIdFilter() {
        return new CorrelationIdFilter();
    }

    /** {@code quotaflow.http.max-body-size} and {@code max-upload-size}, as in the services. */
    @Bean
    HttpLimits httpLimits(Environment environment) {
        return Binder.get(environment).bindOrCreate(HttpLimits.PREFIX, HttpLimits.class);
    }

    @Bean
    RequestSizeLimitFilter requestSizeLimitFilter(HttpLimits limits) {
        return new RequestSizeLimitFilter(limits);
    }

    @Bean
    GatewayErrorHandler gatewayErrorHandler(ProblemResponses problems) {
        return new GatewayErrorHandler(problems);
    }
}
