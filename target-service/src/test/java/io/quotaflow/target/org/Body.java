package io.quotaflow.target.org;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A JSON body as a client writes it, so that a test can send any value, well-formed or not. */
record Body(Map<String, Object> fields) {

    Body {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    static Body of(Object... namesAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return new Body(fields);
    }

    /** This body with {@code field} set to {@code value}, which may be {@code null}. */
    Body with(String field, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(fields);
        changed.put(field, value);
        return new Body(changed);
    }

    Body without(String field) {
        Map<String, Object> changed = new LinkedHashMap<>(fields);
        changed.remove(field);
        return new Body(changed);
    }
}
