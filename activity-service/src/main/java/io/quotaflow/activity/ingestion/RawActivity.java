package io.quotaflow.activity.ingestion;

import io.quotaflow.web.FieldProblem;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One activity as it was received, before validation: each canonical {@link Field} as text, or absent, and what
 * was already wrong with the shape of the input (an object where text was expected). JSON bodies, CSV rows, CRM
 * payloads and raw Kafka records all become one of these, so that one validator judges them all.
 */
public final class RawActivity {

    private final Map<Field, String> values;
    private final List<FieldProblem> problems;

    private RawActivity(Map<Field, String> values, List<FieldProblem> problems) {
        this.values = values;
        this.problems = List.copyOf(problems);
    }

    /** From text values by field; blank values count as absent. */
    public static RawActivity of(Map<Field, String> values) {
        Map<Field, String> kept = new EnumMap<>(Field.class);
        values.forEach((field, value) -> {
            if (value != null && !value.isBlank()) {
                kept.put(field, value);
            }
        });
        return new RawActivity(kept, List.of());
    }

    /**
     * From a JSON object: strings as they are, numbers as their exact decimal text; {@code null} is absent, and
     * booleans, objects and arrays are problems of their field. Unknown members are ignored.
     */
    public static RawActivity fromJson(JsonNode node) {
        if (node == null || !node.isObject()) {
            return new RawActivity(Map.of(), List.of(new FieldProblem("", "must be a JSON object")));
        }
        Map<Field, String> values = new EnumMap<>(Field.class);
        List<FieldProblem> problems = new ArrayList<>();
        for (Field field : Field.values()) {
            JsonNode value = node.get(field.wireName());
            if (value == null || value.isNull()) {
                continue;
            }
            if (value.isString()) {
                if (!value.asString().isBlank()) {
                    values.put(field, value.asString());
                }
            } else if (value.isNumber()) {
                values.put(field, value.isIntegralNumber() ? value.bigIntegerValue().toString()
                        : value.decimalValue().toPlainString());
            } else {
                problems.add(new FieldProblem(field.wireName(), field.numeric()
                        ? "must be a number or a decimal string" : "must be a string"));
            }
        }
        return new RawActivity(values, problems);
    }

    /** The field's text, or {@code null}. */
    public String get(Field field) {
        return values.get(field);
    }

    /** A copy with one field replaced ({@code null} removes it). */
    public RawActivity with(Field field, String value) {
        Map<Field, String> changed = new EnumMap<>(Field.class);
        changed.putAll(values);
        if (value == null || value.isBlank()) {
            changed.remove(field);
        } else {
            changed.put(field, value);
        }
        return new RawActivity(changed, problems);
    }

    /** What was wrong with the shape of the input, by bare field name ({@code ""} for the activity itself). */
    public List<FieldProblem> problems() {
        return problems;
    }

    @Override
    public String toString() {
        return "RawActivity" + values;
    }
}
