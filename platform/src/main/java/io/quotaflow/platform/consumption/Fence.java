package io.quotaflow.platform.consumption;

import org.bson.Document;

import java.util.HashMap;
import java.util.Map;

/**
 * What the ledger must know of a document to change it safely: its version {@code v} (every ledger write is a
 * compare-and-swap on it) and, per topic-partition, the last offset of the chunk it last applied ({@code hw}).
 */
record Fence(long version, Map<String, Long> highWater) {

    static final Fence NEW = new Fence(0, Map.of());

    Fence {
        highWater = Map.copyOf(highWater);
    }

    static Fence of(Document stored) {
        if (stored == null) {
            return NEW;
        }
        Object version = stored.get(Doc.VERSION);
        Map<String, Long> highWater = new HashMap<>();
        if (stored.get(Doc.HIGH_WATER) instanceof Document marks) {
            marks.forEach((topicPartition, offset) -> highWater.put(topicPartition, ((Number) offset).longValue()));
        }
        return new Fence(version instanceof Number number ? number.longValue() : 0, highWater);
    }

    /** Whether the chunk of {@code topicPartition} ending at {@code to} is already in the document. */
    boolean holds(String topicPartition, long to) {
        Long mark = highWater.get(LedgerStore.fieldName(topicPartition));
        return mark != null && mark >= to;
    }

    Fence after(String topicPartition, long to) {
        Map<String, Long> marks = new HashMap<>(highWater);
        marks.put(LedgerStore.fieldName(topicPartition), to);
        return new Fence(version + 1, marks);
    }
}
