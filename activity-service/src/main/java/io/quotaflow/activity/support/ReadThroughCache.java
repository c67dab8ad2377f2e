package io.quotaflow.activity.support;

import com.github.benmanes.caffeine.cache.CacheLoader;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Small, rarely changed collections read by id on the ingestion path (rates, owner mappings): what a batch needs is
 * read at once, what was read is kept for {@code ttl}, absent ids included (so that an unknown id costs one read per
 * {@code ttl}, not one per activity).
 */
public final class ReadThroughCache<V> {

    private final LoadingCache<String, Optional<V>> cache;

    /** @param load the values found for some ids, by id (one query); ids without a value are left out */
    public ReadThroughCache(Duration ttl, long maximumSize, Function<List<String>, Map<String, V>> load) {
        this.cache = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maximumSize)
                .build(CacheLoader.bulk(ids -> {
                    Map<String, V> found = load.apply(List.copyOf(ids));
                    Map<String, Optional<V>> all = new HashMap<>();
                    ids.forEach(id -> all.put(id, Optional.ofNullable(found.get(id))));
                    return all;
                }));
    }

    /** The values of the ids that have one. */
    public Map<String, V> getAll(Collection<String> ids) {
        Map<String, V> values = new HashMap<>();
        if (!ids.isEmpty()) {
            cache.getAll(ids).forEach((id, value) -> value.ifPresent(v -> values.put(id, v)));
        }
        return values;
    }

    /** Forgets an id after it was written here. */
    public void invalidate(String id) {
        cache.invalidate(id);
    }
}
