package io.quotaflow.events;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * The JSON wire format of {@link EventEnvelope}: decimals as strings (never floating point), instants as
 * ISO-8601 UTC, periods as {@code YYYY-MM}, unknown fields and unknown enum values ignored so that additive
 * changes within one {@code eventVersion} never break an older consumer.
 */
public final class EventCodec {

    private final JsonMapper mapper;

    public EventCodec() {
        // A newer producer may add enum values within one eventVersion: an older consumer reads them as null.
        this(wireConventions(JsonMapper.builder()).enable(EnumFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL).build());
    }

    public EventCodec(JsonMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * The conventions shared by events and the services' HTTP API: decimals as strings, nulls left out,
     * unknown fields ignored. (Unknown enum values are tolerated on events only; an API client that sends
     * one gets a 400 naming the field.)
     */
    public static JsonMapper.Builder wireConventions(JsonMapper.Builder builder) {
        return builder
                .withConfigOverride(BigDecimal.class,
                        override -> override.setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING)))
                .changeDefaultPropertyInclusion(
                        inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public byte[] encode(EventEnvelope<?> envelope) {
        return mapper.writeValueAsBytes(envelope);
    }

    /** Decodes any registered event. */
    public EventEnvelope<DomainEvent> decode(byte[] json) {
        return decode(json, DomainEvent.class);
    }

    /**
     * Decodes an event of the expected family.
     *
     * @throws UnknownEventTypeException  when the type is not known to this build (a newer producer):
     *                                    consumers skip such events rather than fail
     * @throws MalformedEventException    when the bytes are not a valid envelope of that family
     */
    public <E extends DomainEvent> EventEnvelope<E> decode(byte[] json, Class<E> family) {
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (JacksonException e) {
            throw new MalformedEventException("not JSON: " + e.getOriginalMessage(), e);
        }
        String eventType = text(root, "eventType");
        Class<? extends DomainEvent> type = EventTypes.classOf(eventType)
                .orElseThrow(() -> new UnknownEventTypeException(eventType));
        if (!family.isAssignableFrom(type)) {
            throw new MalformedEventException(eventType + " is not a " + family.getSimpleName());
        }
        try {
            JsonNode payloadNode = root.get("payload");
            if (payloadNode == null || !payloadNode.isObject()) {
                throw new MalformedEventException("payload is missing");
            }
            E payload = family.cast(mapper.treeToValue(payloadNode, type));
            return new EventEnvelope<>(
                    UUID.fromString(text(root, "eventId")),
                    eventType,
                    root.path("eventVersion").asInt(EventTypes.CURRENT_VERSION),
                    Instant.parse(text(root, "occurredAt")),
                    text(root, "source"),
                    text(root, "subject"),
                    root.path("correlationId").isString() ? root.get("correlationId").asString() : null,
                    payload);
        } catch (JacksonException | IllegalArgumentException | java.time.DateTimeException e) {
            throw new MalformedEventException(eventType + ": " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || !node.isString() || node.asString().isBlank()) {
            throw new MalformedEventException(field + " is missing");
        }
        return node.asString();
    }

    /** The bytes are not a valid event; such a record goes to the dead-letter topic. */
    public static final class MalformedEventException extends RuntimeException {
        public MalformedEventException(String message) {
            super(message);
        }

        public MalformedEventException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The event type is unknown to this build; consumers skip it. */
    public static final class UnknownEventTypeException extends RuntimeException {
        private final String eventType;

        public UnknownEventTypeException(String eventType) {
            super("unknown event type " + eventType);
            this.eventType = eventType;
        }

        public String eventType() {
            return eventType;
        }
    }
}
