package io.quotaflow.events;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Maps the {@code eventType} on the wire to the record class and back. Derived from the sealed families
 * of {@link Topics}, so a new record is registered by permitting it in its family.
 */
public final class EventTypes {

    /** Schema version written by this build. Changes within a version are additive only. */
    public static final int CURRENT_VERSION = 1;

    private static final Map<String, Class<? extends DomainEvent>> BY_NAME = new LinkedHashMap<>();

    static {
        for (Topic<?> topic : Topics.all()) {
            for (Class<? extends DomainEvent> type : topic.eventTypes()) {
                Class<? extends DomainEvent> clash = BY_NAME.put(type.getSimpleName(), type);
                if (clash != null) {
                    throw new IllegalStateException("two events are named " + type.getSimpleName());
                }
            }
        }
    }

    private EventTypes() {
    }

    public static String nameOf(Class<? extends DomainEvent> type) {
        String name = type.getSimpleName();
        if (BY_NAME.get(name) != type) {
            throw new IllegalArgumentException(type.getName() + " is not a registered event");
        }
        return name;
    }

    public static Optional<Class<? extends DomainEvent>> classOf(String eventType) {
        return Optional.ofNullable(BY_NAME.get(eventType));
    }

    /** Every registered event type by wire name, in topic order. */
    public static Map<String, Class<? extends DomainEvent>> all() {
        return Map.copyOf(BY_NAME);
    }
}
