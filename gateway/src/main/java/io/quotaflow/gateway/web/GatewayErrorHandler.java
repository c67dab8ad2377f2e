package io.quotaflow.gateway.web;

import io.quotaflow.web.ProblemFactory;
import io.quotaflow.web.RequestBodyTooLargeException;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Answers the errors raised outside the gateway's controllers (filters, routing) with problem documents: a body
 * over the limit with 413. Ahead of Boot's own error handler.
 */
public class GatewayErrorHandler implements WebExceptionHandler, Ordered {

    private final ProblemResponses problems;

    public GatewayErrorHandler(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        RequestBodyTooLargeException tooLarge = RequestBodyTooLargeException.foundIn(error);
        if (tooLarge != null) {
            return problems.write(exchange, ProblemFactory.tooLarge(tooLarge.limit()));
        }
        return Mono.error(error);
    }

    @Override
    public int getOrder() {
        // Boot's DefaultErrorWebExceptionHandler is at -1.
        return -2;
    }
}
