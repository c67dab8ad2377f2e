package io.quotaflow.web;

import java.util.Arrays;
import java.util.Collection;
import java.util.Map;

/** One invalid field of a request: its path as the client wrote it (e.g. {@code levels.base}) and why. */
public record FieldProblem(String field, String message) {

    /**
     * The field holds a value that cannot be read as a {@code type}: "must be a valid date (YYYY-MM-DD)",
     * "must be one of [MATURE, EMERGING]". JSON bodies, parameters and CSV cells say it the same way, and never
     * by the name of a class.
     */
    public static FieldProblem unreadable(String field, Class<?> type) {
        return new FieldProblem(field, type.isEnum()
                ? "must be one of " + Arrays.toString(type.getEnumConstants())
                : expectation(type));
    }

    private static String expectation(Class<?> type) {
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "must be a list";
        }
        if (type.isRecord() || Map.class.isAssignableFrom(type)) {
            return "must be an object";
        }
        return "must be a valid " + switch (type.getSimpleName()) {
            case "BigDecimal" -> "decimal number";
            case "LocalDate" -> "date (YYYY-MM-DD)";
            case "YearMonth" -> "period (YYYY-MM)";
            case "Instant" -> "ISO-8601 instant (e.g. 2026-12-01T08:00:00Z)";
            case "Integer", "int", "Long", "long" -> "whole number";
            case "Double", "double" -> "number";
            case "Boolean", "boolean" -> "boolean";
            case "String" -> "text";
            case "Currency" -> "ISO-4217 currency code (e.g. CNY)";
            case "UUID" -> "UUID";
            default -> "value";
        };
    }
}
