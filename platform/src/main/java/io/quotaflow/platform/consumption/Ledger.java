package io.quotaflow.platform.consumption;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quotaflow.events.DomainEvent;
import io.quotaflow.events.EventCodec;
import io.quotaflow.events.EventEnvelope;
import io.quotaflow.events.Topic;
import io.quotaflow.platform.messaging.EventPublisher;
import io.quotaflow.platform.web.Correlation;
import org.bson.BsonMaximumSizeExceededException;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.Lock;

/**
 * One consumer's exactly-once application of a topic's events to the service's documents (see the package
 * documentation for the protocol). It is given whole polls of records; it returns once every record is applied,
 * dead-lettered or skipped, so the caller may commit the offsets. It throws when a transient failure (database or
 * broker outage) stops it: the caller retries the same records later, and nothing is lost or applied twice.
 */
public final class Ledger<E extends DomainEvent> {

    private static final Logger log = LoggerFactory.getLogger(Ledger.class);
    /** A projection that names new documents in more rounds than this never stops naming them. */
    static final int MAX_PREFETCH_ROUNDS = 16;

    private final String consumer;
    private final Topic<E> topic;
    private final Projection<E> projection;
    private final LedgerStore store;
    private final EventCodec codec;
    private final EventPublisher publisher;
    private final DeadLetters deadLetters;
    private final LedgerProperties properties;
    private final MeterRegistry meters;
    private final Steps steps;
    private final Clock clock;
    private final Lock turns;
    private final String owner = UUID.randomUUID().toString();

    Ledger(String consumer, Topic<E> topic, Projection<E> projection, LedgerStore store, EventCodec codec,
           EventPublisher publisher, DeadLetters deadLetters, LedgerProperties properties, MeterRegistry meters,
           Steps steps, Clock clock, Lock turns) {
        this.consumer = consumer;
        this.topic = topic;
        this.projection = projection;
        this.store = store;
        this.codec = codec;
        this.publisher = publisher;
        this.deadLetters = deadLetters;
        this.properties = properties;
        this.meters = meters;
        this.steps = steps;
        this.clock = clock;
        this.turns = turns;
    }

    /** The consumer group name: markers, checkpoints, journal entries and the dead-letter topic are named by it. */
    public String consumer() {
        return consumer;
    }

    public Topic<E> topic() {
        return topic;
    }

    /** Applies a poll of records (any partitions of the topic, in any order). */
    public void process(List<RawRecord> records) {
        Map<String, List<RawRecord>> byPartition = new LinkedHashMap<>();
        for (RawRecord record : records) {
            if (!record.topic().equals(topic.name())) {
                throw new IllegalArgumentException(consumer + " consumes " + topic.name() + ", not " + record.topic());
            }
            byPartition.computeIfAbsent(record.topicPartition(), tp -> new ArrayList<>()).add(record);
        }
        byPartition.forEach((topicPartition, partitionRecords) -> {
            partitionRecords.sort(Comparator.comparingLong(RawRecord::offset));
            try {
                processPartition(topicPartition, partitionRecords);
            } catch (RuntimeException e) {
                log.warn("{}: {} stopped at a failure ({}); the poll will be handed back and retried, nothing is "
                        + "skipped", consumer, topicPartition, e.toString());
                throw e;
            }
        });
    }

    private void processPartition(String topicPartition, List<RawRecord> records) {
        int index = 0;
        int chunkSize = properties.chunkSize();
        // The checkpoint as this ledger's own last chunk left it: the next chunk starts there without reading it
        // (should a racing consumer have gone further meanwhile, that chunk loses its claim and reads it again).
        Long known = null;
        while (index < records.size()) {
            // One chunk at a time holds the turns (shared with other ledgers whose documents overlap, if any):
            // from its checkpoint to its advance, no other chunk reads or writes in between.
            turns.lock();
            try {
                long applied = known != null ? known : store.checkpoint(consumer, topicPartition);
                known = null;
                int skipped = 0;
                while (index < records.size() && records.get(index).offset() <= applied) {
                    index++;
                    skipped++;
                }
                count("already-applied", skipped);
                if (index == records.size()) {
                    return;
                }
                List<RawRecord> chunk = records.subList(index, Math.min(records.size(), index + chunkSize));
                Timer.Sample sample = Timer.start(meters);
                JournalEntry entry = prepare(topicPartition, applied + 1, chunk);
                boolean won;
                try {
                    won = store.claim(entry);
                } catch (BsonMaximumSizeExceededException tooBig) {
                    if (chunk.size() == 1) {
                        throw new IllegalStateException("one record of " + topicPartition + " at "
                                + chunk.get(0).offset() + " produces more than a MongoDB document can hold", tooBig);
                    }
                    chunkSize = Math.max(1, chunk.size() / 2);
                    log.info("{}: a chunk of {} records is too large to journal; trying {}", consumer, chunk.size(),
                            chunkSize);
                    continue;
                }
                if (won) {
                    steps.reached(consumer, topicPartition, Step.JOURNAL_WRITTEN);
                    complete(entry);
                    index += chunk.size();
                    known = entry.to();
                    sample.stop(meters.timer("quotaflow.ledger.chunk", "consumer", consumer, "outcome", "applied"));
                } else {
                    JournalEntry winner = store.journal(entry.id()).orElseThrow(() ->
                            new LedgerStore.LedgerConflictException(entry.id() + " was claimed but cannot be read"));
                    log.info("{}: chunk {} was claimed by another consumer ({}); applying its entry", consumer,
                            entry.id(), winner.owner());
                    complete(winner);
                    sample.stop(meters.timer("quotaflow.ledger.chunk", "consumer", consumer, "outcome", "recovered"));
                }
                chunkSize = properties.chunkSize();
            } finally {
                turns.unlock();
            }
        }
    }

    /** Decodes, dead-letters, de-duplicates and computes a chunk: everything before its claim. */
    private JournalEntry prepare(String topicPartition, long from, List<RawRecord> chunk) {
        List<Delivery<E>> deliveries = new ArrayList<>(chunk.size());
        Map<UUID, RawRecord> raw = new LinkedHashMap<>();
        Set<UUID> inChunk = new HashSet<>();
        int duplicates = 0;
        for (RawRecord record : chunk) {
            EventEnvelope<E> envelope;
            try {
                envelope = codec.decode(record.value() == null ? new byte[0] : record.value(), topic.family());
            } catch (EventCodec.UnknownEventTypeException newer) {
                count("unknown-type", 1);
                continue;
            } catch (RuntimeException malformed) {
                deadLetter(record, "undecodable: " + malformed.getMessage());
                continue;
            }
            if (!inChunk.add(envelope.eventId())) {
                duplicates++;
                continue;
            }
            deliveries.add(new Delivery<>(record.topic(), record.partition(), record.offset(), envelope));
            raw.put(envelope.eventId(), record);
        }
        Map<String, LedgerStore.Seen> seen = store.markSeen(consumer, deliveries.stream()
                .map(d -> new LedgerStore.Marker(d.eventId().toString(), topicPartition, d.offset())).toList());
        List<Delivery<E>> fresh = new ArrayList<>(deliveries.size());
        for (Delivery<E> delivery : deliveries) {
            LedgerStore.Seen first = seen.get(delivery.eventId().toString());
            if (first == null || (first.topicPartition().equals(topicPartition) && first.offset() == delivery.offset())) {
                fresh.add(delivery);
            } else {
                duplicates++;
            }
        }
        count("duplicate", duplicates);
        steps.reached(consumer, topicPartition, Step.MARKERS_WRITTEN);
        while (true) {
            try {
                Batch batch = compute(topicPartition, fresh);
                count("applied", fresh.size());
                return new JournalEntry(consumer, topicPartition, from, chunk.get(chunk.size() - 1).offset(),
                        batch.writes(), batch.events(), owner, clock.instant());
            } catch (PoisonRecord poison) {
                fresh.remove(poison.delivery);
                deadLetter(raw.get(poison.delivery.eventId()), "not applicable: " + poison.getCause());
            }
        }
    }

    private Batch compute(String topicPartition, List<Delivery<E>> deliveries) {
        Prefetch prefetch = new Prefetch();
        projection.prefetch(deliveries, prefetch);
        Map<String, Map<String, Document>> stored = new LinkedHashMap<>();
        prefetch.wanted().forEach((collection, ids) -> stored.put(collection, store.read(collection, ids)));
        for (int round = 1; readMore(deliveries, prefetch, stored); round++) {
            if (round == MAX_PREFETCH_ROUNDS) {
                throw new IllegalStateException(consumer + " still names documents to read after " + round
                        + " rounds of prefetchMore");
            }
        }
        Batch batch = new Batch(topicPartition, publisher, stored, prefetch.wanted());
        for (Delivery<E> delivery : deliveries) {
            try {
                Correlation.with(delivery.envelope().correlationId(), () -> projection.apply(delivery, batch));
            } catch (RuntimeException e) {
                if (TransientFailures.isTransient(e)) {
                    throw e;
                }
                log.warn("{}: {} {} at {}:{} cannot be applied ({}); sending it to the dead-letter topic", consumer,
                        delivery.envelope().eventType(), delivery.eventId(), topicPartition, delivery.offset(),
                        e.toString());
                throw new PoisonRecord(delivery, e);
            }
        }
        projection.complete(batch);
        return batch;
    }

    /** One round of {@link Projection#prefetchMore}: reads what it names that was not read yet; whether it named any. */
    private boolean readMore(List<Delivery<E>> deliveries, Prefetch prefetch, Map<String, Map<String, Document>> stored) {
        Prefetch more = new Prefetch();
        projection.prefetchMore(deliveries, new Prefetched(stored), more);
        boolean read = false;
        for (Map.Entry<String, Set<String>> wanted : more.wanted().entrySet()) {
            String collection = wanted.getKey();
            Set<String> known = prefetch.wanted().getOrDefault(collection, Set.of());
            List<String> missing = wanted.getValue().stream().filter(id -> !known.contains(id)).toList();
            if (!missing.isEmpty()) {
                stored.computeIfAbsent(collection, c -> new LinkedHashMap<>()).putAll(store.read(collection, missing));
                missing.forEach(id -> prefetch.need(collection, id));
                read = true;
            }
        }
        return read;
    }

    /** Applies a claimed entry (ours or a winner's): fenced writes, derived events, checkpoint. */
    private void complete(JournalEntry entry) {
        String topicPartition = entry.topicPartition();
        LedgerStore.Applied applied = store.apply(entry,
                () -> steps.reached(consumer, topicPartition, Step.WRITES_PARTIAL));
        meters.counter("quotaflow.ledger.writes", "consumer", consumer, "outcome", "applied").increment(applied.applied());
        meters.counter("quotaflow.ledger.writes", "consumer", consumer, "outcome", "already-held")
                .increment(applied.alreadyHeld());
        meters.counter("quotaflow.ledger.writes", "consumer", consumer, "outcome", "conflict")
                .increment(applied.conflicts());
        steps.reached(consumer, topicPartition, Step.WRITES_APPLIED);
        publisher.publishEncoded(entry.events());
        steps.reached(consumer, topicPartition, Step.EVENTS_PUBLISHED);
        store.advance(consumer, topicPartition, entry.to());
        steps.reached(consumer, topicPartition, Step.CHECKPOINT_ADVANCED);
        projection.afterApplied(topicPartition);
    }

    private void deadLetter(RawRecord record, String reason) {
        deadLetters.send(consumer, record, reason);
        count("dead-lettered", 1);
    }

    private void count(String outcome, int n) {
        if (n > 0) {
            meters.counter("quotaflow.ledger.records", "consumer", consumer, "topic", topic.name(), "outcome", outcome)
                    .increment(n);
        }
    }

    /** A record whose application failed for a reason of its own (not an outage): it is dead-lettered. */
    private static final class PoisonRecord extends RuntimeException {
        private final transient Delivery<?> delivery;

        PoisonRecord(Delivery<?> delivery, Throwable cause) {
            super(cause.toString(), cause, false, false);
            this.delivery = delivery;
        }
    }
}
