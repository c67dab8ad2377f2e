package io.quotaflow.gateway.access;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Role checks per route, CORS and the access log at the edge. */
@Configuration
class AccessConfiguration {

    @Bean
    RouteAccess routeAccess(AccessProperties properties) {
        return new RouteAccess(properties.rules());
    }

    @Bean
    CorsFilter corsFilter(AccessProperties properties) {
        return new CorsFilter(properties.cors());
    }

    @Bean
    AccessLog accessLog() {
        return new AccessLog();
    }
}
