package io.quotaflow.platform.web;

/** One invalid field of a request: its path as the client wrote it (e.g. {@code levels.base}) and why. */
public record FieldProblem(String field, String message) {
}
