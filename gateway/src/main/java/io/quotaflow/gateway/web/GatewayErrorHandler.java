package io.quotaflow.gateway.web;

import io.quotaflow.web.FieldProblem;
import io.quotaflow.web.InvalidInputException;
import io.quotaflow.web.ProblemFactory;
import io.quotaflow.web.RequestBodyTooLargeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

import java.net.ConnectException;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * Answers every error at the gateway, from its own endpoints, its filters or routing, with a problem document in
 * our words: field names and rules, never an exception's text (a service that cannot be reached is a 503, not a
 * Netty message). Ahead of Boot's own error handler, which it replaces.
 */
public class GatewayErrorHandler implements WebExceptionHandler, Ordered {

    private static final Logger log = LoggerFactory.getLogger(GatewayErrorHandler.class);

    private final ProblemResponses problems;

    public GatewayErrorHandler(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        return problems.write(exchange, problemFor(error, exchange));
    }

    private static ProblemDetail problemFor(Throwable error, ServerWebExchange exchange) {
        RequestBodyTooLargeException tooLarge = RequestBodyTooLargeException.foundIn(error);
        if (tooLarge != null) {
            return ProblemFactory.tooLarge(tooLarge.limit());
        }
        if (error instanceof InvalidInputException invalid) {
            return ProblemFactory.invalid(invalid.problems());
        }
        if (error instanceof ServerWebInputException) {
            return ProblemFactory.invalid(List.of(new FieldProblem("body", "is missing or not valid JSON")));
        }
        if (error instanceof ResponseStatusException status) {
            return ProblemFactory.forStatus(status.getStatusCode());
        }
        if (causedBy(error, ConnectException.class)) {
            log.warn("{} {}: the service behind it cannot be reached ({})", exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath(), error.toString());
            return ProblemFactory.unavailable();
        }
        if (causedBy(error, TimeoutException.class)) {
            return ProblemFactory.forStatus(HttpStatus.GATEWAY_TIMEOUT);
        }
        log.error("Unhandled error on {} {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), error);
        return ProblemFactory.internalError();
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int getOrder() {
        // Boot's DefaultErrorWebExceptionHandler is at -1.
        return -2;
    }
}
