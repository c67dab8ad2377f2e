package io.quotaflow.activity;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A JSON object as a client writes it, so that a test can send any value, well-formed or not. */
public record Body(Map<String, Object> fields) {

    public Body {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public static Body of(Object... namesAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return new Body(fields);
    }

    /** This body with {@code field} set to {@code value}, which may be {@code null}. */
    public Body with(String field, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(fields);
        changed.put(field, value);
        return new Body(changed);
    }

    public Body without(String field) {
        Map<String, Object> changed = new LinkedHashMap<>(fields);
        changed.remove(field);
        return new Body(changed);
    }

    public Object get(String field) {
        return fields.get(field);
    }
}
