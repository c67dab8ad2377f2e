package io.quotaflow.gateway.web;

import io.quotaflow.web.FieldProblem;
import io.quotaflow.web.InvalidInputException;
import io.quotaflow.web.ProblemFactory;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;

import java.util.List;

/** Problem responses for the gateway's own endpoints (dev tokens, JWK set). */
@RestControllerAdvice
class GatewayExceptionHandler {

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidInputException e, ServerWebExchange exchange) {
        return ResponseEntity.badRequest()
                .body(ProblemResponses.correlated(ProblemFactory.invalid(e.problems()), exchange));
    }

    @ExceptionHandler(ServerWebInputException.class)
    ResponseEntity<ProblemDetail> unreadable(ServerWebInputException e, ServerWebExchange exchange) {
        return ResponseEntity.badRequest().body(ProblemResponses.correlated(
                ProblemFactory.invalid(List.of(new FieldProblem("body", "is missing or not valid JSON"))), exchange));
    }
}
