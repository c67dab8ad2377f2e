package io.quotaflow.activity.crm;

import io.quotaflow.platform.web.ProblemResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Refused CRM requests (401, 403) and an unreachable CRM API (503, so that the CRM delivers again). */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class CrmExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(CrmExceptionHandler.class);

    @ExceptionHandler(CrmRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(CrmRejectedException e) {
        log.info("CRM request refused ({}): {}", e.status().value(), e.getMessage());
        return ResponseEntity.status(e.status()).body(ProblemResponses.problem(e.status(), e.getMessage()));
    }

    @ExceptionHandler(CrmUnavailableException.class)
    ResponseEntity<ProblemDetail> unavailable(CrmUnavailableException e) {
        log.warn("CRM API unavailable: {} ({})", e.getMessage(), String.valueOf(e.getCause()));
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "30")
                .body(ProblemResponses.problem(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage()
                        + "; nothing of this delivery was published, deliver it again"));
    }
}
