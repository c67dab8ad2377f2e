package io.quotaflow.gateway.resilience;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.quotaflow.gateway.web.ProblemResponses;
import io.quotaflow.web.ProblemFactory;
import io.swagger.v3.oas.annotations.Hidden;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import java.net.URI;
import java.util.concurrent.TimeoutException;

/**
 * Where a route's circuit breaker sends a call that failed ({@code fallbackUri: forward:/fallback/<service>}): the
 * service could not be reached, did not answer within its time limit, or its breaker is open. The answer is
 * {@code 503 application/problem+json} naming the service; while the breaker is open, {@code Retry-After} says
 * when it will let calls through again. Called directly, without a failed call behind it, the address does not
 * exist.
 */
@Hidden
@RestController
class ServiceUnavailableController {

    private static final Logger log = LoggerFactory.getLogger(ServiceUnavailableController.class);

    private final CircuitBreakerRegistry breakers;

    ServiceUnavailableController(CircuitBreakerRegistry breakers) {
        this.breakers = breakers;
    }

    @RequestMapping("/fallback/{service}")
    ResponseEntity<ProblemDetail> unavailable(@PathVariable String service, ServerWebExchange exchange) {
        Throwable failure = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        if (failure == null) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .body(ProblemResponses.correlated(ProblemFactory.forStatus(HttpStatus.NOT_FOUND), exchange));
        }
        ProblemDetail problem = ProblemResponses.correlated(ProblemFactory.unavailable(), exchange);
        problem.setDetail(service + " is unavailable; try again shortly.");
        problem.setProperty("service", service);
        // The address the client called, not the fallback it was forwarded to.
        String called = exchange.getAttribute(ResilienceConfiguration.CALLED_PATH);
        if (called != null) {
            problem.setInstance(URI.create(called));
        }
        ResponseEntity.BodyBuilder response = ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE);
        if (failure instanceof CallNotPermittedException) {
            breakers.find(service).ifPresent(breaker -> response.header(HttpHeaders.RETRY_AFTER, Long.toString(
                    Math.max(1, breaker.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1) / 1000))));
        } else {
            log.warn("{} failed a call: {}", service,
                    failure instanceof TimeoutException ? "no answer within its time limit" : failure.toString());
        }
        return response.body(problem);
    }
}
