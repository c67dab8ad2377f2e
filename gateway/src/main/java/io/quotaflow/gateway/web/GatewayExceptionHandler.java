package io.quotaflow.gateway.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;

import java.util.List;
import java.util.Map;

/** Problem responses for the gateway's own endpoints (dev tokens, JWK set). */
@RestControllerAdvice
class GatewayExceptionHandler {

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidRequestException e, ServerWebExchange exchange) {
        ProblemDetail problem = Problems.problem(HttpStatus.BAD_REQUEST,
                e.errors().size() == 1 ? "Invalid " + e.getMessage() : e.errors().size() + " fields are invalid.",
                exchange);
        problem.setTitle("Invalid input");
        problem.setType(java.net.URI.create("urn:quotaflow:problem:invalid-input"));
        List<Map<String, String>> errors = e.errors().stream()
                .map(error -> Map.of("field", error[0], "message", error[1]))
                .toList();
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(ServerWebInputException.class)
    ResponseEntity<ProblemDetail> unreadable(ServerWebInputException e, ServerWebExchange exchange) {
        ProblemDetail problem = Problems.problem(HttpStatus.BAD_REQUEST, "The request body is not valid JSON.", exchange);
        problem.setTitle("Invalid input");
        problem.setProperty("errors", List.of(Map.of("field", "body", "message", "is missing or not valid JSON")));
        return ResponseEntity.badRequest().body(problem);
    }
}
