package io.quotaflow.events;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A Kafka topic of the published language: its name, the single service that writes it, what its key
 * is, and the sealed family of events it carries.
 *
 * @param name     kebab-case noun, e.g. {@code sales-activities}
 * @param producer the only service that writes to the topic, or {@link #EXTERNAL} for a topic that systems
 *                 outside Quotaflow write and one service consumes (its records are bare payloads, not envelopes)
 * @param key      what the record key holds
 * @param family   the sealed interface whose permitted records are the topic's event types
 * @param compacted whether the topic keeps only the latest record per key (state, not history)
 */
public record Topic<E extends DomainEvent>(String name, String producer, String key, Class<E> family,
                                           boolean compacted) {

    /** The producer of a topic written from outside Quotaflow (CRM pipelines): no service may write it. */
    public static final String EXTERNAL = "external";

    public Topic(String name, String producer, String key, Class<E> family) {
        this(name, producer, key, family, false);
    }

    public Topic {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(producer, "producer");
        Objects.requireNonNull(key, "key");
        if (!family.isSealed()) {
            throw new IllegalArgumentException(family.getName() + " must be sealed");
        }
    }

    /** Whether systems outside Quotaflow write the topic, as bare payloads rather than envelopes. */
    public boolean external() {
        return EXTERNAL.equals(producer);
    }

    /** The event records the topic carries, in declaration order. */
    @SuppressWarnings("unchecked")
    public List<Class<? extends E>> eventTypes() {
        return Arrays.stream(family.getPermittedSubclasses())
                .<Class<? extends E>>map(type -> (Class<? extends E>) type)
                .toList();
    }

    /** The dead-letter topic of one consumer group reading this topic. */
    public String deadLetterTopic(String group) {
        return name + "." + group + ".dlq";
    }
}
