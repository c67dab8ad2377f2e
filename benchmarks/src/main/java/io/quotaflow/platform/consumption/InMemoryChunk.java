package io.quotaflow.platform.consumption;

import io.quotaflow.events.DomainEvent;
import io.quotaflow.platform.messaging.EventPublisher;
import org.bson.Document;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One chunk through a projection as the ledger computes it (prefetch, prefetch more, apply each event, complete),
 * with the documents the chunk reads given in memory instead of read from MongoDB: what a chunk costs in-process,
 * for the JMH benchmarks. Lives in the ledger's package for {@link Batch}'s constructor; changes nothing there.
 */
public final class InMemoryChunk {

    private InMemoryChunk() {
    }

    /** Computes the chunk and returns the number of document writes and derived events it produced. */
    public static <E extends DomainEvent> int compute(Projection<E> projection, List<Delivery<E>> deliveries,
                                                      Map<String, Map<String, Document>> stored,
                                                      EventPublisher publisher) {
        Prefetch prefetch = new Prefetch();
        projection.prefetch(deliveries, prefetch);
        Map<String, Map<String, Document>> read = new LinkedHashMap<>();
        prefetch.wanted().forEach((collection, ids) -> read.put(collection, pick(stored, collection, ids)));
        Prefetch more = new Prefetch();
        projection.prefetchMore(deliveries, new Prefetched(read), more);
        more.wanted().forEach((collection, ids) -> {
            read.computeIfAbsent(collection, c -> new LinkedHashMap<>()).putAll(pick(stored, collection, ids));
            ids.forEach(id -> prefetch.need(collection, id));
        });
        Batch batch = new Batch(deliveries.get(0).topicPartition(), publisher, read, prefetch.wanted());
        for (Delivery<E> delivery : deliveries) {
            projection.apply(delivery, batch);
        }
        projection.complete(batch);
        return batch.writes().size() + batch.events().size();
    }

    private static Map<String, Document> pick(Map<String, Map<String, Document>> stored, String collection,
                                              Iterable<String> ids) {
        Map<String, Document> found = new LinkedHashMap<>();
        Map<String, Document> all = stored.getOrDefault(collection, Map.of());
        for (String id : ids) {
            Document document = all.get(id);
            if (document != null) {
                found.put(id, document);
            }
        }
        return found;
    }
}
