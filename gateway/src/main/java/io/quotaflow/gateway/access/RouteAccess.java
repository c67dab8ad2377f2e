package io.quotaflow.gateway.access;

import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Set;

/**
 * Coarse role checks per route, before anything is routed: the first {@link AccessProperties.Rule} whose method and
 * path match decides which roles (the token's {@code roles} claim) may pass; no matching rule, no entry. A caller
 * without a valid token is answered 401, one whose roles the rule does not name 403. Whose data a caller may see
 * (their own rep, their own teams) is each service's check.
 */
public class RouteAccess implements ReactiveAuthorizationManager<AuthorizationContext> {

    private static final AuthorizationDecision DENIED = new AuthorizationDecision(false);
    private static final AuthorizationDecision GRANTED = new AuthorizationDecision(true);

    private final List<CompiledRule> rules;

    public RouteAccess(List<AccessProperties.Rule> rules) {
        this.rules = rules.stream().map(CompiledRule::new).toList();
    }

    @Override
    public Mono<AuthorizationResult> authorize(Mono<Authentication> authentication, AuthorizationContext context) {
        ServerHttpRequest request = context.getExchange().getRequest();
        PathContainer path = request.getPath().pathWithinApplication();
        Set<String> allowed = rules.stream()
                .filter(rule -> rule.matches(request.getMethod().name(), path))
                .findFirst()
                .map(rule -> rule.roles)
                .orElse(Set.of());
        return authentication
                .filter(Authentication::isAuthenticated)
                .map(caller -> roles(caller).stream().anyMatch(allowed::contains) ? GRANTED : DENIED)
                .defaultIfEmpty(DENIED)
                .cast(AuthorizationResult.class);
    }

    private static List<String> roles(Authentication caller) {
        if (caller.getPrincipal() instanceof Jwt jwt) {
            List<String> roles = jwt.getClaimAsStringList("roles");
            return roles == null ? List.of() : roles;
        }
        return List.of();
    }

    private static final class CompiledRule {

        private final Set<String> methods;
        private final List<PathPattern> paths;
        private final Set<String> roles;

        CompiledRule(AccessProperties.Rule rule) {
            this.methods = rule.methods();
            this.paths = rule.paths().stream().map(PathPatternParser.defaultInstance::parse).toList();
            this.roles = rule.roles();
        }

        boolean matches(String method, PathContainer path) {
            return (methods.isEmpty() || methods.contains(method)) && paths.stream().anyMatch(p -> p.matches(path));
        }
    }
}
