package io.quotaflow.gateway.web;

import io.quotaflow.web.CorrelationId;
import io.quotaflow.web.ProblemFactory;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reactive side of {@link ProblemFactory}: stamps problems with the exchange's correlation id and writes them
 * to the response, for the security handlers and the error handler that answer outside a controller.
 */
public class ProblemResponses {

    private final JsonMapper mapper;

    public ProblemResponses(JsonMapper mapper) {
        // RFC 9457 wants extension members (errors, correlationId) at the top level.
        this.mapper = mapper.rebuild().addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class).build();
    }

    /**
     * {@code problem} with the exchange's correlation id, read from the response: error handlers see the exchange
     * as it came in, before {@link CorrelationIdFilter} gave its request an id.
     */
    public static ProblemDetail correlated(ProblemDetail problem, ServerWebExchange exchange) {
        return ProblemFactory.withCorrelationId(problem,
                exchange.getResponse().getHeaders().getFirst(CorrelationId.HEADER));
    }

    public Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        ProblemDetail correlated = correlated(problem, exchange);
        response.setStatusCode(HttpStatusCode.valueOf(correlated.getStatus()));
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        ProblemFactory.headers(correlated).forEach(response.getHeaders()::set);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(mapper.writeValueAsBytes(correlated))));
    }
}
