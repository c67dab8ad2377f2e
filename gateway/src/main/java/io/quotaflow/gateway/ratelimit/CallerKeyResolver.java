package io.quotaflow.gateway.ratelimit;

import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.http.server.PathContainer;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.InetSocketAddress;
import java.security.Principal;

/**
 * Who a request counts against: the token's subject; for a CRM webhook, which arrives without a token, the CRM
 * ({@code hubspot}, {@code salesforce}, {@code webhook}) and the address it calls from.
 */
public class CallerKeyResolver implements KeyResolver {

    private static final String CRM_PREFIX = "/api/crm/";

    @Override
    public Mono<String> resolve(ServerWebExchange exchange) {
        return exchange.getPrincipal()
                .map(Principal::getName)
                .map(subject -> "sub:" + subject)
                .switchIfEmpty(Mono.fromSupplier(() -> anonymous(exchange)));
    }

    private static String anonymous(ServerWebExchange exchange) {
        String address = address(exchange.getRequest().getRemoteAddress());
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (path.startsWith(CRM_PREFIX)) {
            PathContainer rest = PathContainer.parsePath(path.substring(CRM_PREFIX.length()));
            String source = rest.elements().isEmpty() ? "" : rest.elements().get(0).value();
            return "webhook:" + source + "@" + address;
        }
        return "address:" + address;
    }

    private static String address(InetSocketAddress remote) {
        if (remote == null) {
            return "unknown";
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }
}
