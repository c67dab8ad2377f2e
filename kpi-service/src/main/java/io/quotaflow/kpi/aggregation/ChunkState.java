package io.quotaflow.kpi.aggregation;

import io.quotaflow.platform.consumption.Batch;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Supplier;

/** What a projection gathers while it applies one chunk, kept per {@link Batch} until the chunk completes. */
final class ChunkState<S> {

    private final Map<Batch, S> states = Collections.synchronizedMap(new WeakHashMap<>());
    private final Supplier<S> fresh;

    ChunkState(Supplier<S> fresh) {
        this.fresh = fresh;
    }

    S of(Batch batch) {
        return states.computeIfAbsent(batch, b -> fresh.get());
    }

    /** The chunk's state, forgotten: called once, when the chunk completes. */
    S complete(Batch batch) {
        S state = states.remove(batch);
        return state != null ? state : fresh.get();
    }
}
