package io.quotaflow.platform.web;

/** The request is valid but the resource's state forbids it (e.g. revising an unapproved plan); answered 409. */
public class ConflictException extends RuntimeException {

    private final String field;

    public ConflictException(String message) {
        this(null, message);
    }

    /** @param field the request field the conflict is about, named in the problem's {@code errors} */
    public ConflictException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
