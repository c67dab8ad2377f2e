package io.quotaflow.web;

import java.io.IOException;

/**
 * Thrown while a request body is read, as soon as more bytes arrived than its {@link BodyLimit} allows, whether or
 * not the client declared a length (chunked bodies declare none). An {@link IOException} so that it can leave an
 * input stream; answered 413 with {@link ProblemFactory#tooLarge(BodyLimit)}.
 */
public class RequestBodyTooLargeException extends IOException {

    private final transient BodyLimit limit;

    public RequestBodyTooLargeException(BodyLimit limit) {
        super("the request body is larger than " + limit.describe());
        this.limit = limit;
    }

    public BodyLimit limit() {
        return limit;
    }

    /** The exception itself if {@code error} is one or was caused by one (frameworks wrap what a stream throws). */
    public static RequestBodyTooLargeException foundIn(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof RequestBodyTooLargeException tooLarge) {
                return tooLarge;
            }
        }
        return null;
    }
}
