package io.quotaflow.platform.web;

import io.quotaflow.web.ProblemFactory;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;

/**
 * The servlet side of {@link ProblemFactory}: stamps problems with the request's correlation id and writes them
 * straight to a response, for filters and security handlers that answer before Spring MVC does.
 */
public class ProblemResponses {

    private final JsonMapper mapper;

    public ProblemResponses(JsonMapper mapper) {
        // RFC 9457 wants extension members (errors, correlationId) at the top level.
        this.mapper = mapper.rebuild().addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class).build();
    }

    /** {@code problem} with the correlation id of the request in progress. */
    public static ProblemDetail correlated(ProblemDetail problem) {
        return ProblemFactory.withCorrelationId(problem, Correlation.current().orElse(null));
    }

    public void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        ProblemDetail correlated = correlated(problem);
        response.setStatus(correlated.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        ProblemFactory.headers(correlated).forEach(response::setHeader);
        mapper.writeValue(response.getOutputStream(), correlated);
    }
}
