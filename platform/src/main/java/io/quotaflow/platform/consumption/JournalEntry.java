package io.quotaflow.platform.consumption;

import io.quotaflow.platform.messaging.OutgoingRecord;
import org.bson.Document;

import java.time.Instant;
import java.util.List;

/**
 * The write-ahead record of one chunk: the consumer, the topic-partition, the offsets it covers ({@code from} is
 * the first offset after the checkpoint it was computed on, {@code to} its last record), every document update and
 * every derived event. Its id {@code consumer|topic-partition|from} makes the insert a claim: one consumer wins a
 * chunk, the others apply the winner's entry.
 */
record JournalEntry(String consumer, String topicPartition, long from, long to, List<Write> writes,
                    List<OutgoingRecord> events, String owner, Instant at) {

    JournalEntry {
        writes = List.copyOf(writes);
        events = List.copyOf(events);
    }

    String id() {
        return idOf(consumer, topicPartition, from);
    }

    static String idOf(String consumer, String topicPartition, long from) {
        return consumer + "|" + topicPartition + "|" + from;
    }

    /** One document update: collection, document id and the update operators. */
    record Write(String collection, String id, Document update) {
    }
}
