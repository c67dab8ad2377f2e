package io.quotaflow.web;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The correlation id that ties a request to everything it causes: sent and returned as {@code X-Correlation-Id}
 * over HTTP, copied onto the events a service publishes. The gateway and every service accept a caller's id only
 * when it is safe to log and pass on.
 */
public final class CorrelationId {

    public static final String HEADER = "X-Correlation-Id";
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:\\-]{1,128}");

    private CorrelationId() {
    }

    /** 1-128 letters, digits or {@code . _ : -}: nothing that could forge a log line or a header. */
    public static boolean isAcceptable(String candidate) {
        return candidate != null && ACCEPTABLE.matcher(candidate).matches();
    }

    /** The caller's id if it is acceptable, otherwise a new one. */
    public static String acceptOrCreate(String candidate) {
        return isAcceptable(candidate) ? candidate : UUID.randomUUID().toString();
    }
}
