package io.quotaflow.platform.consumption;

import io.quotaflow.events.EventEnvelope;
import io.quotaflow.platform.messaging.EventPublisher;
import io.quotaflow.platform.messaging.OutgoingRecord;
import org.bson.Document;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The unit of work of one chunk, as a projection sees it: the documents it reads and changes, and the events
 * it derives. Nothing is written until the chunk is claimed; then everything is applied exactly once.
 */
public final class Batch {

    private final String topicPartition;
    private final EventPublisher publisher;
    private final Map<String, Map<String, Doc>> docs = new LinkedHashMap<>();
    private final List<OutgoingRecord> events = new ArrayList<>();

    Batch(String topicPartition, EventPublisher publisher, Map<String, Map<String, Document>> prefetched,
          Map<String, ? extends Iterable<String>> wanted) {
        this.topicPartition = topicPartition;
        this.publisher = publisher;
        wanted.forEach((collection, ids) -> {
            Map<String, Document> stored = prefetched.getOrDefault(collection, Map.of());
            Map<String, Doc> loaded = docs.computeIfAbsent(collection, c -> new LinkedHashMap<>());
            for (String id : ids) {
                loaded.put(id, Doc.loaded(collection, id, stored.get(id)));
            }
        });
    }

    /** The topic-partition whose records this chunk holds. */
    public String topicPartition() {
        return topicPartition;
    }

    /**
     * The document {@code id} of {@code collection}: with its content if it was prefetched, otherwise a handle
     * that can only be written (increments, sets, extremes).
     */
    public Doc doc(String collection, String id) {
        return docs.computeIfAbsent(collection, c -> new LinkedHashMap<>())
                .computeIfAbsent(id, i -> Doc.blind(collection, i));
    }

    /** The documents of {@code collection} this chunk has touched or read so far. */
    public List<Doc> docs(String collection) {
        return List.copyOf(docs.getOrDefault(collection, Map.of()).values());
    }

    /** Derives an event; it is published, with its deterministic id, once the chunk's updates are applied. */
    public void emit(EventEnvelope<?> envelope) {
        events.add(publisher.encode(envelope));
    }

    /** Wraps a payload as this service's event (correlation id of the event being applied). */
    public EventPublisher publisher() {
        return publisher;
    }

    List<JournalEntry.Write> writes() {
        List<JournalEntry.Write> writes = new ArrayList<>();
        docs.values().forEach(byId -> byId.values().stream().filter(Doc::changed)
                .forEach(doc -> writes.add(new JournalEntry.Write(doc.collection(), doc.id(), doc.update()))));
        return writes;
    }

    List<OutgoingRecord> events() {
        return List.copyOf(events);
    }
}
