package io.quotaflow.platform.consumption;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** The documents a chunk's records need to read, by collection. */
public final class Prefetch {

    private final Map<String, Set<String>> wanted = new LinkedHashMap<>();

    public Prefetch need(String collection, String id) {
        if (id != null) {
            wanted.computeIfAbsent(collection, c -> new LinkedHashSet<>()).add(id);
        }
        return this;
    }

    Map<String, Set<String>> wanted() {
        return wanted;
    }
}
