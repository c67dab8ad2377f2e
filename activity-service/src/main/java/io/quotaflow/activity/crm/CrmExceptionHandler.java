package io.quotaflow.activity.crm;

import io.quotaflow.activity.ingestion.web.IngestionExceptionHandler;
import io.quotaflow.platform.web.ProblemResponses;
import io.quotaflow.web.ProblemFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.time.Duration;

/**
 * Refused CRM requests (401, 403: which check failed is said, in our words, so that whoever sets the CRM up can fix
 * it) and an unreachable CRM API (503, so that the CRM delivers again).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class CrmExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(CrmExceptionHandler.class);

    @ExceptionHandler(CrmRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(CrmRejectedException e) {
        log.info("CRM request refused ({}): {}", e.status().value(), e.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        problem.setType(e.status() == HttpStatus.FORBIDDEN ? ProblemFactory.FORBIDDEN : ProblemFactory.UNAUTHORIZED);
        return ResponseEntity.status(e.status()).body(ProblemResponses.correlated(problem));
    }

    @ExceptionHandler(CrmUnavailableException.class)
    ResponseEntity<ProblemDetail> unavailable(CrmUnavailableException e) {
        log.warn("CRM API unavailable: {} ({})", e.getMessage(), String.valueOf(e.getCause()));
        return IngestionExceptionHandler.unavailable(e.getMessage() + "; nothing of this delivery was published, "
                + "deliver it again", Duration.ofSeconds(30));
    }
}
