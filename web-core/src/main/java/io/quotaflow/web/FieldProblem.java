package io.quotaflow.web;

import java.util.Arrays;

/** One invalid field of a request: its path as the client wrote it (e.g. {@code levels.base}) and why. */
public record FieldProblem(String field, String message) {

    /**
     * The field holds a value that cannot be read as a {@code type}: "must be a valid date (YYYY-MM-DD)",
     * "must be one of [MATURE, EMERGING]". JSON bodies and CSV cells say it the same way.
     */
    public static FieldProblem unreadable(String field, Class<?> type) {
        return new FieldProblem(field, type.isEnum()
                ? "must be one of " + Arrays.toString(type.getEnumConstants())
                : "must be a valid " + friendlyName(type));
    }

    private static String friendlyName(Class<?> type) {
        return switch (type.getSimpleName()) {
            case "BigDecimal" -> "decimal number";
            case "LocalDate" -> "date (YYYY-MM-DD)";
            case "YearMonth" -> "period (YYYY-MM)";
            case "Instant" -> "ISO-8601 instant (e.g. 2026-12-01T08:00:00Z)";
            case "Integer", "int", "Long", "long" -> "whole number";
            case "Double", "double" -> "number";
            case "Boolean", "boolean" -> "boolean";
            default -> type.getSimpleName();
        };
    }
}
