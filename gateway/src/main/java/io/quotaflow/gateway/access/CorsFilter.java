package io.quotaflow.gateway.access;

import org.springframework.core.Ordered;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Cross-origin access to the API from the origins configured in {@link AccessProperties.Cors}, answered ahead of
 * authentication (a browser's preflight carries no token). Spring's {@link CorsWebFilter} does the work; with no
 * origin configured this filter does nothing, so same-origin callers (the dashboard) never meet CORS checks.
 */
class CorsFilter implements WebFilter, Ordered {

    private final WebFilter cors;

    CorsFilter(AccessProperties.Cors properties) {
        if (properties.allowedOrigins().isEmpty()) {
            this.cors = (exchange, chain) -> chain.filter(exchange);
            return;
        }
        CorsConfiguration configuration = new CorsConfiguration();
        configuration.setAllowedOrigins(properties.allowedOrigins());
        configuration.setAllowedMethods(properties.allowedMethods());
        configuration.setAllowedHeaders(properties.allowedHeaders());
        configuration.setExposedHeaders(properties.exposedHeaders());
        configuration.setMaxAge(properties.maxAge());
        configuration.setAllowCredentials(false);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", configuration);
        source.registerCorsConfiguration("/auth/**", configuration);
        this.cors = new CorsWebFilter(source);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return cors.filter(exchange, chain);
    }

    @Override
    public int getOrder() {
        // After the correlation id, before Spring Security (-100).
        return Ordered.HIGHEST_PRECEDENCE + 20;
    }
}
