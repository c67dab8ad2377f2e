package io.quotaflow.events;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JSON wire format of {@link EventEnvelope}: decimals as strings (never floating point), instants as
 * ISO-8601 UTC, periods as {@code YYYY-MM}, unknown fields and unknown enum values ignored so that additive
 * changes within one {@code eventVersion} never break an older consumer.
 */
public final class EventCodec {

    private final JsonMapper mapper;
    /** Reads one value of the envelope, inside it (what follows is the envelope's, not trailing tokens). */
    private final ObjectReader inside;
    private final Map<Class<?>, ObjectReader> payloadReaders = new ConcurrentHashMap<>();

    public EventCodec() {
        // A newer producer may add enum values within one eventVersion: an older consumer reads them as null.
        this(wireConventions(JsonMapper.builder()).enable(EnumFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL).build());
    }

    public EventCodec(JsonMapper mapper) {
        this.mapper = mapper;
        this.inside = mapper.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
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
        ObjectNode root = mapper.createObjectNode();
        E decoded = null;
        Class<? extends DomainEvent> decodedAs = null;
        try (JsonParser parser = mapper.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedEventException("not a JSON object");
            }
            // One pass: the payload is bound straight from the bytes when its type is known by then (the envelope
            // names it first, as encode writes it); otherwise it is kept as a tree and bound below.
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                Class<? extends DomainEvent> type = field.equals("payload") && value == JsonToken.START_OBJECT
                        ? knownType(root, family) : null;
                if (type != null) {
                    decoded = family.cast(readPayload(parser, type, root));
                    decodedAs = type;
                    root.remove("payload");
                } else {
                    root.set(field, inside.readTree(parser));
                    if (field.equals("payload")) {
                        decoded = null;
                        decodedAs = null;
                    }
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
                throw new MalformedEventException("not one JSON object");
            }
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
            E payload;
            if (decoded != null && decodedAs == type) {
                payload = decoded;
            } else {
                JsonNode payloadNode = root.get("payload");
                if (payloadNode == null || !payloadNode.isObject()) {
                    throw new MalformedEventException("payload is missing");
                }
                payload = family.cast(mapper.treeToValue(payloadNode, type));
            }
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

    private DomainEvent readPayload(JsonParser parser, Class<? extends DomainEvent> type, ObjectNode root) {
        try {
            return payloadReaders.computeIfAbsent(type, inside::forType).readValue(parser);
        } catch (JacksonException e) {
            throw new MalformedEventException(root.get("eventType").asString() + ": " + e.getMessage(), e);
        }
    }

    /** The payload's class when the envelope read so far names a known type of the family, else {@code null}. */
    private static Class<? extends DomainEvent> knownType(ObjectNode root, Class<?> family) {
        JsonNode eventType = root.get("eventType");
        if (eventType == null || !eventType.isString()) {
            return null;
        }
        return EventTypes.classOf(eventType.asString()).filter(family::isAssignableFrom).orElse(null);
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
