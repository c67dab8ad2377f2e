package io.quotaflow.gateway.web;

import java.util.List;

/** A request to the gateway's own endpoints broke a rule; answered 400 naming each field. */
public class InvalidRequestException extends RuntimeException {

    private final List<String[]> errors;

    /** @param errors pairs of (field, message) */
    public InvalidRequestException(List<String[]> errors) {
        super(errors.get(0)[0] + ": " + errors.get(0)[1]);
        this.errors = List.copyOf(errors);
    }

    public List<String[]> errors() {
        return errors;
    }
}
