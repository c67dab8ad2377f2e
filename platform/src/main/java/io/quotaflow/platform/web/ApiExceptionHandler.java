package io.quotaflow.platform.web;

import io.quotaflow.web.FieldProblem;
import io.quotaflow.web.HttpLimits;
import io.quotaflow.web.InvalidInputException;
import io.quotaflow.web.ProblemFactory;
import io.quotaflow.web.RequestBodyTooLargeException;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.ValueInstantiationException;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns every error into an RFC 9457 problem. Validation errors carry an {@code errors} array naming
 * each bad field as the client wrote it ({@code levels.base}, {@code activities[3].amount}).
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final HttpLimits limits;

    public ApiExceptionHandler(HttpLimits limits) {
        this.limits = limits;
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalidInput(InvalidInputException e) {
        return respond(ProblemFactory.invalid(e.problems()));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException e) {
        return respond(ProblemFactory.invalid(e.getConstraintViolations().stream()
                .map(v -> new FieldProblem(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList()));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        return respond(ProblemFactory.notFound(e.getMessage()));
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ConflictException e) {
        return respond(ProblemFactory.conflict(e.getMessage(), e.field()));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> accessDenied(AccessDeniedException e) {
        // Spring Security's and our own (Caller's) reasons stay in the logs: which rule refused is not for the caller.
        log.debug("Refused: {}", e.getMessage());
        return respond(ProblemFactory.forbidden());
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> unauthenticated(AuthenticationException e) {
        return respond(ProblemFactory.unauthorized());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        RequestBodyTooLargeException tooLarge = RequestBodyTooLargeException.foundIn(e);
        if (tooLarge != null) {
            return respond(ProblemFactory.tooLarge(tooLarge.limit()));
        }
        log.error("Unhandled error", e);
        return respond(ProblemFactory.internalError());
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        for (FieldError error : e.getBindingResult().getFieldErrors()) {
            errors.add(new FieldProblem(error.getField(), message(error)));
        }
        e.getBindingResult().getGlobalErrors()
                .forEach(error -> errors.add(new FieldProblem(error.getObjectName(), message(error))));
        return body(ProblemFactory.invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error ->
                errors.add(new FieldProblem(parameterName(result.getMethodParameter().getParameterName(), error),
                        message(error)))));
        return body(ProblemFactory.invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        RequestBodyTooLargeException tooLarge = RequestBodyTooLargeException.foundIn(e);
        if (tooLarge != null) {
            return body(ProblemFactory.tooLarge(tooLarge.limit()));
        }
        Throwable cause = e.getCause();
        if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
            return body(ProblemFactory.invalid(List.of(problem(path(jackson), jackson))));
        }
        return body(ProblemFactory.invalid(List.of(new FieldProblem("body",
                cause instanceof JacksonException ? "is not valid JSON" : "is missing or unreadable"))));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = e instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName()
                : e.getPropertyName();
        Class<?> type = e.getRequiredType() == null ? Object.class : e.getRequiredType();
        return body(ProblemFactory.invalid(List.of(FieldProblem.unreadable(name, type))));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return body(ProblemFactory.invalid(List.of(new FieldProblem(e.getParameterName(), "is required"))));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return body(ProblemFactory.invalid(List.of(new FieldProblem(e.getRequestPartName(), "is required"))));
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return body(ProblemFactory.tooLarge(limits.forUploads()));
    }

    /**
     * Every other error Spring MVC knows (no handler, method or media type not supported, ...): the framework's
     * detail names its classes or echoes input, so the problem says only what the status means, in our words.
     */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
                                                          WebRequest request) {
        ResponseEntity<Object> response = body(ProblemFactory.forStatus(status));
        HttpHeaders merged = new HttpHeaders();
        merged.addAll(headers);
        response.getHeaders().forEach(merged::put);
        return new ResponseEntity<>(response.getBody(), merged, status);
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        ProblemDetail correlated = ProblemResponses.correlated(problem);
        HttpHeaders headers = new HttpHeaders();
        ProblemFactory.headers(correlated).forEach(headers::set);
        return ResponseEntity.status(correlated.getStatus()).headers(headers).body(correlated);
    }

    private static ResponseEntity<Object> body(ProblemDetail problem) {
        ResponseEntity<ProblemDetail> response = respond(problem);
        return new ResponseEntity<>(response.getBody(), response.getHeaders(), response.getStatusCode());
    }

    private static String message(MessageSourceResolvable error) {
        return error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
    }

    private static String parameterName(String parameter, MessageSourceResolvable error) {
        if (error instanceof FieldError fieldError) {
            return fieldError.getField();
        }
        return parameter == null ? "request" : parameter;
    }

    private static String lastNode(String propertyPath) {
        int dot = propertyPath.indexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }

    /** {@code activities[3].amount} from Jackson's reference chain. */
    static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static FieldProblem problem(String field, JacksonException e) {
        if (e instanceof ValueInstantiationException instantiation
                && instantiation.getCause() instanceof InvalidInputException ours) {
            // A value refused by our own rule, in our words; any other cause's text is not for clients.
            return new FieldProblem(field, ours.problems().get(0).message());
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return FieldProblem.unreadable(field, mismatch.getTargetType());
        }
        return new FieldProblem(field, "is invalid");
    }
}
