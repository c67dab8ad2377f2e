package io.quotaflow.platform.web;

import io.quotaflow.web.CorrelationId;
import org.slf4j.MDC;

import java.util.Optional;

/**
 * The correlation id of the work in progress: taken from {@code X-Correlation-Id} on HTTP and from the
 * {@code correlationId} header on Kafka, kept in the logging MDC, and copied onto every event published. Which ids
 * are accepted is {@link CorrelationId}'s rule, the same at the gateway.
 */
public final class Correlation {

    public static final String HEADER = CorrelationId.HEADER;
    public static final String MDC_KEY = "correlationId";

    private Correlation() {
    }

    public static Optional<String> current() {
        return Optional.ofNullable(MDC.get(MDC_KEY));
    }

    /** The caller's id if it is safe to log and pass on, otherwise a new one. */
    public static String acceptOrCreate(String candidate) {
        return CorrelationId.acceptOrCreate(candidate);
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
