package io.quotaflow.incentive.domain;

/** One reason a plan is refused: the field as the client wrote it ({@code rules[1].bands[0].rate}) and why. */
public record Violation(String field, String message) {
}
