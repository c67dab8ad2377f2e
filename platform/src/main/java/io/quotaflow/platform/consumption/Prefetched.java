package io.quotaflow.platform.consumption;

import org.bson.Document;

import java.util.Map;
import java.util.Optional;

/** The documents a chunk's prefetch rounds read so far, for {@link Projection#prefetchMore}: copies, to look at only. */
public final class Prefetched {

    private final Map<String, Map<String, Document>> stored;

    Prefetched(Map<String, Map<String, Document>> stored) {
        this.stored = stored;
    }

    /** A copy of the stored document, if it was asked for and exists. */
    public Optional<Document> document(String collection, String id) {
        Document found = stored.getOrDefault(collection, Map.of()).get(id);
        return Optional.ofNullable(found).map(Doc::deepCopy);
    }
}
