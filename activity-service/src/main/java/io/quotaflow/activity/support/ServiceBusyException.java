package io.quotaflow.activity.support;

import java.time.Duration;

/** The service cannot take this work now (every slot of it is taken); answered 503 with {@code Retry-After}. */
public class ServiceBusyException extends RuntimeException {

    private final Duration retryAfter;

    public ServiceBusyException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
