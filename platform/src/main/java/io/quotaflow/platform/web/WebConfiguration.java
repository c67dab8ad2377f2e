package io.quotaflow.platform.web;

import io.quotaflow.web.HttpLimits;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import tools.jackson.databind.json.JsonMapper;

/**
 * Correlation ids, body-size limits and problem responses for every service. Configured before Spring MVC, so
 * that Boot's own problem-details handler (on when {@code spring.mvc.problemdetails.enabled}) backs off and
 * {@link ApiExceptionHandler} answers every error, naming the fields. A service replaces any of these beans by
 * defining its own (of the same type, or for the filters of the same name).
 */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration")
@Import(ApiExceptionHandler.class)
public class WebConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ProblemResponses problemResponses(JsonMapper mapper) {
        return new ProblemResponses(mapper);
    }

    @Bean
    @ConditionalOnMissingBean(name = "correlationIdFilter")
    FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter() {
        FilterRegistrationBean<CorrelationIdFilter> registration = new FilterRegistrationBean<>(new CorrelationIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** {@code quotaflow.http.max-body-size} and {@code max-upload-size}; see {@code quotaflow-defaults.yml}. */
    @Bean
    @ConditionalOnMissingBean
    HttpLimits httpLimits(Environment environment) {
        return Binder.get(environment).bindOrCreate(HttpLimits.PREFIX, HttpLimits.class);
    }

    @Bean
    @ConditionalOnMissingBean(name = "requestSizeLimitFilter")
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(HttpLimits limits, ProblemResponses problems) {
        FilterRegistrationBean<RequestSizeLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestSizeLimitFilter(limits, problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }
}
