package io.quotaflow.activity.ingestion.web;

import io.quotaflow.activity.support.ServiceBusyException;
import io.quotaflow.platform.messaging.EventPublisher;
import io.quotaflow.platform.web.FieldProblem;
import io.quotaflow.platform.web.ProblemResponses;
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

import java.util.List;

/**
 * The service's own errors as RFC 9457 problems, before the platform's catch-all: a body over the limit (413), the
 * service busy (503), and Kafka or MongoDB not answering (503 with {@code Retry-After}: nothing was accepted, the
 * same request may be sent again and gets the same event ids).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class IngestionExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(IngestionExceptionHandler.class);
    private static final String RETRY_AFTER_SECONDS = "5";

    @ExceptionHandler(Bodies.BodyTooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(Bodies.BodyTooLargeException e) {
        ProblemDetail problem = ProblemResponses.problem(HttpStatus.CONTENT_TOO_LARGE, e.getMessage());
        problem.setProperty("errors", List.of(new FieldProblem("body", "is larger than " + e.limit() + " bytes")));
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    @ExceptionHandler(ServiceBusyException.class)
    ResponseEntity<ProblemDetail> busy(ServiceBusyException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfter().toSeconds()))
                .body(ProblemResponses.problem(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage()));
    }

    @ExceptionHandler({EventPublisher.PublishFailedException.class, DataAccessResourceFailureException.class,
            com.mongodb.MongoTimeoutException.class, com.mongodb.MongoSocketException.class})
    ResponseEntity<ProblemDetail> unavailable(RuntimeException e) {
        log.warn("Ingestion unavailable: {}", e.toString());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .body(ProblemResponses.problem(HttpStatus.SERVICE_UNAVAILABLE,
                        "Nothing was accepted: Kafka or the database did not answer in time. Send the same request "
                                + "again; it gets the same event ids."));
    }
}
