package io.quotaflow.gateway.access;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Coarse access rules at the edge and cross-origin access.
 *
 * @param rules the first rule whose method and path match a request under {@code /api/**} decides which roles may
 *              make it; a request no rule matches is refused
 * @param cors  which other origins' pages may call the API from a browser
 */
@ConfigurationProperties("quotaflow.gateway.access")
public record AccessProperties(List<Rule> rules, Cors cors) {

    public AccessProperties {
        rules = rules == null ? List.of() : List.copyOf(rules);
        cors = cors == null ? new Cors(null, null, null, null, null) : cors;
    }

    /**
     * @param methods HTTP methods it applies to; empty for all
     * @param paths   path patterns ({@code /api/crm/owners/**})
     * @param roles   the roles (from the token's {@code roles} claim) that may pass, any one of them
     */
    public record Rule(Set<String> methods, List<String> paths, Set<String> roles) {

        public Rule {
            methods = methods == null ? Set.of() : Set.copyOf(methods);
            paths = paths == null ? List.of() : List.copyOf(paths);
            roles = roles == null ? Set.of() : Set.copyOf(roles);
        }
    }

    /**
     * @param allowedOrigins origins allowed to call {@code /api/**} and {@code /auth/**} from a browser; empty (the
     *                       default) allows none and adds no CORS handling at all
     */
    public record Cors(List<String> allowedOrigins, List<String> allowedMethods, List<String> allowedHeaders,
                       List<String> exposedHeaders, Duration maxAge) {

        public Cors {
            allowedOrigins = allowedOrigins == null ? List.of()
                    : allowedOrigins.stream().filter(origin -> !origin.isBlank()).toList();
            allowedMethods = allowedMethods == null ? List.of("GET", "HEAD", "POST", "PUT", "DELETE") : allowedMethods;
            allowedHeaders = allowedHeaders == null
                    ? List.of("Authorization", "Content-Type", "Accept", "Accept-Language", "X-Correlation-Id")
                    : allowedHeaders;
            exposedHeaders = exposedHeaders == null
                    ? List.of("X-Correlation-Id", "Retry-After", "Location", "X-RateLimit-Remaining")
                    : exposedHeaders;
            maxAge = maxAge == null ? Duration.ofMinutes(30) : maxAge;
        }
    }
}
