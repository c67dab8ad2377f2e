package io.quotaflow.gateway.access;

import io.quotaflow.web.CorrelationId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

import java.util.concurrent.TimeUnit;

/**
 * One line per request once it is answered, whoever answered it (a service, the gateway's own 401, 403, 429 or
 * 503): {@code GET /api/kpis/company 200 12 ms route=kpi-service correlationId=...}. The query string is left out
 * (it may name people); the correlation id is also in the MDC for the log pattern.
 */
class AccessLog implements WebFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger(AccessLog.class);

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long started = System.nanoTime();
        return chain.filter(exchange).doFinally(signal -> write(exchange, signal, started));
    }

    private static void write(ServerWebExchange exchange, SignalType signal, long started) {
        if (!log.isInfoEnabled()) {
            return;
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        String correlationId = exchange.getResponse().getHeaders().getFirst(CorrelationId.HEADER);
        try (MDC.MDCCloseable ignored = MDC.putCloseable("correlationId", correlationId)) {
            log.info("{} {} {} {} ms route={} correlationId={}{}", exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath().value(), status == null ? 200 : status.value(), millis,
                    route == null ? "-" : route.getId(), correlationId,
                    signal == SignalType.CANCEL ? " (client went away)" : "");
        }
    }

    @Override
    public int getOrder() {
        // Right after the correlation id, so that every answer, the gateway's own refusals too, is logged.
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }
}
