package io.quotaflow.events;

/** Kafka header names. {@code eventId} and {@code eventType} duplicate the envelope for cheap routing and dedup. */
public final class EventHeaders {

    public static final String EVENT_ID = "eventId";
    public static final String EVENT_TYPE = "eventType";
    public static final String EVENT_VERSION = "eventVersion";
    public static final String CORRELATION_ID = "correlationId";

    private EventHeaders() {
    }
}
