package io.quotaflow.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Builds the RFC 9457 problem documents that the gateway and every service answer errors with. A problem names
 * fields and rules, never a framework's or a library's exception text: the details here are our own words, and
 * the only free text they carry is what our own exceptions say ({@link InvalidInputException}'s field problems,
 * not-found and conflict messages written by us).
 *
 * <p>Extension members: {@code errors} (a list of {@link FieldProblem}), {@code correlationId}.
 */
public final class ProblemFactory {

    public static final URI INVALID_INPUT = type("invalid-input");
    public static final URI UNAUTHORIZED = type("unauthorized");
    public static final URI FORBIDDEN = type("forbidden");
    public static final URI NOT_FOUND = type("not-found");
    public static final URI CONFLICT = type("conflict");
    public static final URI TOO_LARGE = type("too-large");
    public static final URI TOO_MANY_REQUESTS = type("too-many-requests");
    public static final URI INTERNAL_ERROR = type("internal-error");
    public static final URI UNAVAILABLE = type("unavailable");

    public static final String ERRORS = "errors";
    public static final String CORRELATION_ID = "correlationId";
    private static final String RETRY_AFTER_SECONDS = "retryAfterSeconds";

    private ProblemFactory() {
    }

    /** 400: every field that breaks a rule, named as the client wrote it. */
    public static ProblemDetail invalid(List<FieldProblem> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, errors.size() == 1
                ? "Invalid " + errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid.");
        problem.setType(INVALID_INPUT);
        problem.setTitle("Invalid input");
        problem.setProperty(ERRORS, List.copyOf(errors));
        return problem;
    }

    /** 401: no token, or one that is not valid (which check failed is not said). */
    public static ProblemDetail unauthorized() {
        return problem(HttpStatus.UNAUTHORIZED, UNAUTHORIZED, "A valid bearer token is required.");
    }

    /** 403: the caller is known but may not do this. */
    public static ProblemDetail forbidden() {
        return problem(HttpStatus.FORBIDDEN, FORBIDDEN, "You are not allowed to do this.");
    }

    /** 404 for a resource we know does not exist; {@code detail} is ours, e.g. "plan p-1 does not exist". */
    public static ProblemDetail notFound(String detail) {
        return problem(HttpStatus.NOT_FOUND, NOT_FOUND, detail);
    }

    /** 409; {@code detail} is ours, and {@code field} (may be {@code null}) the request field it is about. */
    public static ProblemDetail conflict(String detail, String field) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, CONFLICT, detail);
        if (field != null) {
            problem.setProperty(ERRORS, List.of(new FieldProblem(field, detail)));
        }
        return problem;
    }

    /** 413 naming the limit: {@code errors: [{field: "body", message: "is larger than the limit of 2048 KB"}]}. */
    public static ProblemDetail tooLarge(BodyLimit limit) {
        String what = BodyLimit.FILE.equals(limit.field()) ? "The upload" : "The request body";
        ProblemDetail problem = problem(HttpStatus.CONTENT_TOO_LARGE, TOO_LARGE,
                what + " is larger than the limit of " + limit.describe() + ".");
        problem.setProperty(ERRORS, List.of(new FieldProblem(limit.field(),
                "is larger than the limit of " + limit.describe())));
        return problem;
    }

    /** 429, with the time after which the caller may try again (also sent as {@code Retry-After}). */
    public static ProblemDetail tooManyRequests(Duration retryAfter) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        ProblemDetail problem = problem(HttpStatus.TOO_MANY_REQUESTS, TOO_MANY_REQUESTS,
                "Too many requests; try again in " + seconds + " s.");
        problem.setProperty(RETRY_AFTER_SECONDS, seconds);
        return problem;
    }

    /** 503: a service we depend on cannot answer now. */
    public static ProblemDetail unavailable() {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, UNAVAILABLE, "The service is unavailable; try again shortly.");
    }

    /** 500: whatever went wrong stays in our logs. */
    public static ProblemDetail internalError() {
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, INTERNAL_ERROR,
                "Something went wrong on our side; quote the correlation id when reporting it.");
    }

    /**
     * A problem for an error the framework raised (no handler, method or media type not supported, ...), in our
     * words: only the status, never the framework's text.
     */
    public static ProblemDetail forStatus(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        if (known == null) {
            return ProblemDetail.forStatus(status);
        }
        return switch (known) {
            case BAD_REQUEST -> invalid(List.of(new FieldProblem("request", "is not valid")));
            case UNAUTHORIZED -> unauthorized();
            case FORBIDDEN -> forbidden();
            case NOT_FOUND -> ProblemDetail.forStatusAndDetail(known, "There is nothing at this address.");
            case METHOD_NOT_ALLOWED -> ProblemDetail.forStatusAndDetail(known, "This method is not allowed here.");
            case NOT_ACCEPTABLE -> ProblemDetail.forStatusAndDetail(known,
                    "None of the accepted media types can be produced here.");
            case UNSUPPORTED_MEDIA_TYPE -> ProblemDetail.forStatusAndDetail(known,
                    "This content type is not supported here.");
            case SERVICE_UNAVAILABLE, BAD_GATEWAY, GATEWAY_TIMEOUT -> {
                ProblemDetail problem = unavailable();
                problem.setStatus(known);
                yield problem;
            }
            default -> known.is5xxServerError() ? internalError() : ProblemDetail.forStatus(known);
        };
    }

    /** Adds the correlation id (if any) so that a client can quote it. */
    public static ProblemDetail withCorrelationId(ProblemDetail problem, String correlationId) {
        if (correlationId != null) {
            problem.setProperty(CORRELATION_ID, correlationId);
        }
        return problem;
    }

    /** The headers a problem must be sent with: {@code WWW-Authenticate} on a 401, {@code Retry-After} on a 429. */
    public static Map<String, String> headers(ProblemDetail problem) {
        if (problem.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
            return Map.of(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        Map<String, Object> properties = problem.getProperties();
        if (properties != null && properties.get(RETRY_AFTER_SECONDS) instanceof Long seconds) {
            return Map.of(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        }
        return Map.of();
    }

    private static ProblemDetail problem(HttpStatus status, URI type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        return problem;
    }

    private static URI type(String name) {
        return URI.create("urn:quotaflow:problem:" + name);
    }
}
