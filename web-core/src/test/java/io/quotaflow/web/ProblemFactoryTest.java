package io.quotaflow.web;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.util.unit.DataSize;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemFactoryTest {

    @Test
    void shouldNameEachInvalidField() {
        ProblemDetail problem = ProblemFactory.invalid(List.of(new FieldProblem("period", "is required")));

        assertThat(problem.getStatus()).isEqualTo(400);
        assertThat(problem.getType()).isEqualTo(ProblemFactory.INVALID_INPUT);
        assertThat(problem.getDetail()).isEqualTo("Invalid period: is required");
        assertThat(problem.getProperties()).containsEntry("errors", List.of(new FieldProblem("period", "is required")));
    }

    @Test
    void shouldNameTheLimitABodyBroke() {
        BodyLimit limit = new HttpLimits(DataSize.ofMegabytes(2), DataSize.ofMegabytes(10)).forContentType("application/json");

        ProblemDetail problem = ProblemFactory.tooLarge(limit);

        assertThat(problem.getStatus()).isEqualTo(413);
        assertThat(problem.getDetail()).isEqualTo("The request body is larger than the limit of 2048 KB.");
        assertThat(problem.getProperties()).containsEntry("errors",
                List.of(new FieldProblem("body", "is larger than the limit of 2048 KB")));
    }

    @Test
    void shouldGiveMultipartUploadsTheirOwnLimitAndField() {
        BodyLimit limit = new HttpLimits(null, null).forContentType("multipart/form-data; boundary=x");

        assertThat(limit).isEqualTo(new BodyLimit("file", DataSize.ofMegabytes(10).toBytes()));
        assertThat(limit.isExceededBy(DataSize.ofMegabytes(10).toBytes())).isFalse();
        assertThat(limit.isExceededBy(DataSize.ofMegabytes(10).toBytes() + 1)).isTrue();
    }

    @Test
    void shouldAskForABearerTokenOnA401AndSayWhenToRetryOnA429() {
        assertThat(ProblemFactory.headers(ProblemFactory.unauthorized())).containsEntry("WWW-Authenticate", "Bearer");
        assertThat(ProblemFactory.headers(ProblemFactory.tooManyRequests(Duration.ofMillis(1500))))
                .containsEntry("Retry-After", "2");
        assertThat(ProblemFactory.headers(ProblemFactory.forbidden())).isEmpty();
    }

    @Test
    void shouldWordFrameworkErrorsByStatusAlone() {
        assertThat(ProblemFactory.forStatus(HttpStatus.METHOD_NOT_ALLOWED).getDetail())
                .isEqualTo("This method is not allowed here.");
        assertThat(ProblemFactory.forStatus(HttpStatus.BAD_GATEWAY).getType()).isEqualTo(ProblemFactory.UNAVAILABLE);
        assertThat(ProblemFactory.forStatus(HttpStatus.BAD_GATEWAY).getStatus()).isEqualTo(502);
        assertThat(ProblemFactory.forStatus(HttpStatus.INSUFFICIENT_STORAGE).getType())
                .isEqualTo(ProblemFactory.INTERNAL_ERROR);
    }

    @Test
    void shouldCarryTheCorrelationIdWhenThereIsOne() {
        assertThat(ProblemFactory.withCorrelationId(ProblemFactory.forbidden(), "corr-1").getProperties())
                .containsEntry("correlationId", "corr-1");
        assertThat(ProblemFactory.withCorrelationId(ProblemFactory.forbidden(), null).getProperties()).isNull();
    }
}
