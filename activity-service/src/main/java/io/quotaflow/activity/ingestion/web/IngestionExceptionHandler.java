package io.quotaflow.activity.ingestion.web;

import io.quotaflow.activity.support.ServiceBusyException;
import io.quotaflow.platform.messaging.EventPublisher;
import io.quotaflow.platform.web.ProblemResponses;
import io.quotaflow.web.ProblemFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.time.Duration;

/**
 * The service's own refusals as RFC 9457 problems, before the platform's catch-all: the service busy (503), and Kafka
 * or MongoDB not answering (503 with {@code Retry-After}: nothing was accepted, the same request may be sent again
 * and gets the same event ids).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class IngestionExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(IngestionExceptionHandler.class);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    @ExceptionHandler(ServiceBusyException.class)
    ResponseEntity<ProblemDetail> busy(ServiceBusyException e) {
        return unavailable(e.getMessage(), e.retryAfter());
    }

    @ExceptionHandler({EventPublisher.PublishFailedException.class, DataAccessResourceFailureException.class,
            com.mongodb.MongoTimeoutException.class, com.mongodb.MongoSocketException.class})
    ResponseEntity<ProblemDetail> unavailable(RuntimeException e) {
        log.warn("Ingestion unavailable: {}", e.toString());
        return unavailable("Nothing was accepted: Kafka or the database did not answer in time. Send the same request "
                + "again; it gets the same event ids.", RETRY_AFTER);
    }

    /** 503 in our words, with when to try again. */
    public static ResponseEntity<ProblemDetail> unavailable(String detail, Duration retryAfter) {
        ProblemDetail problem = ProblemFactory.unavailable();
        problem.setDetail(detail);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter.toSeconds()))
                .body(ProblemResponses.correlated(problem));
    }
}
