package io.quotaflow.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.util.List;

/** Builds the RFC 9457 problem documents every Quotaflow service answers errors with. */
public class ProblemResponses {

    public static final URI INVALID_INPUT = URI.create("urn:quotaflow:problem:invalid-input");

    private final JsonMapper mapper;

    public ProblemResponses(JsonMapper mapper) {
        // RFC 9457 wants extension members (errors, correlationId) at the top level.
        this.mapper = mapper.rebuild().addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class).build();
    }

    public static ProblemDetail problem(HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        Correlation.current().ifPresent(id -> problem.setProperty("correlationId", id));
        return problem;
    }

    public static ProblemDetail invalid(List<FieldProblem> errors) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, errors.size() == 1
                ? "Invalid " + errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid.");
        problem.setType(INVALID_INPUT);
        problem.setTitle("Invalid input");
        problem.setProperty("errors", errors);
        return problem;
    }

    /** Writes a problem straight to the servlet response (for filters and security handlers). */
    public void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        write(response, problem(status, detail));
    }

    public void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        if (problem.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        mapper.writeValue(response.getOutputStream(), problem);
    }
}
