package io.quotaflow.platform.web;

import org.slf4j.MDC;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The correlation id of the work in progress: taken from {@code X-Correlation-Id} on HTTP and from the
 * {@code correlationId} header on Kafka, kept in the logging MDC, and copied onto every event published.
 */
public final class Correlation {

    public static final String HEADER = "X-Correlation-Id";
    public static final String MDC_KEY = "correlationId";
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:\\-]{1,128}");

    private Correlation() {
    }

    public static Optional<String> current() {
        return Optional.ofNullable(MDC.get(MDC_KEY));
    }

    /** The caller's id if it is safe to log and pass on, otherwise a new one. */
    public static String acceptOrCreate(String candidate) {
        return candidate != null && ACCEPTABLE.matcher(candidate).matches() ? candidate : UUID.randomUUID().toString();
    }

    /** Runs {@code work} with the correlation id set, restoring the previous one afterwards. */
    public static void with(String correlationId, Runnable work) {
        String previous = MDC.get(MDC_KEY);
        MDC.put(MDC_KEY, acceptOrCreate(correlationId));
        try {
            work.run();
        } finally {
            if (previous == null) {
                MDC.remove(MDC_KEY);
            } else {
                MDC.put(MDC_KEY, previous);
            }
        }
    }
}
