package io.quotaflow.platform.consumption;

import io.micrometer.core.instrument.MeterRegistry;
import io.quotaflow.events.DomainEvent;
import io.quotaflow.events.EventCodec;
import io.quotaflow.events.Topic;
import io.quotaflow.platform.messaging.EventPublisher;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Builds the service's ledger consumers. A service binds a projection to a topic with one functional bean, and
 * states the binding (destination, group) in its {@code application.yml}:
 *
 * <pre>{@code
 * @Bean
 * Consumer<Message<List<byte[]>>> onSalesActivity(Ledgers ledgers, ActivityTotals totals) {
 *     return ledgers.consumer("kpi-service", Topics.SALES_ACTIVITIES, totals);
 * }
 * }</pre>
 *
 * The group given here must be the binding's {@code group}: it names the dead-letter topic
 * {@code <topic>.<group>.dlq}, the markers and the checkpoints.
 */
public class Ledgers {

    private final LedgerStore store;
    private final EventCodec codec;
    private final EventPublisher publisher;
    private final DeadLetters deadLetters;
    private final LedgerProperties properties;
    private final MeterRegistry meters;
    private final Steps steps;
    private final Clock clock;
    private final List<Ledger<?>> ledgers = new CopyOnWriteArrayList<>();

    Ledgers(LedgerStore store, EventCodec codec, EventPublisher publisher, DeadLetters deadLetters,
            LedgerProperties properties, MeterRegistry meters, Steps steps, Clock clock) {
        this.store = store;
        this.codec = codec;
        this.publisher = publisher;
        this.deadLetters = deadLetters;
        this.properties = properties;
        this.meters = meters;
        this.steps = steps;
        this.clock = clock;
    }

    /**
     * Ledgers outside a Spring context, each with its own document-version cache: one per simulated process in
     * crash tests and tools.
     */
    public static Ledgers create(com.mongodb.client.MongoDatabase database, EventCodec codec, EventPublisher publisher,
                                 DeadLetters deadLetters, LedgerProperties properties, MeterRegistry meters,
                                 Steps steps, Clock clock) {
        return new Ledgers(new LedgerStore(database, clock, properties.writeBulkSize(), properties.fenceCacheSize()),
                codec, publisher, deadLetters, properties, meters, steps, clock);
    }

    /** A ledger applying {@code topic}'s events through {@code projection} as consumer group {@code group}. */
    public <E extends DomainEvent> Ledger<E> ledger(String group, Topic<E> topic, Projection<E> projection) {
        return ledger(group, topic, projection, new ReentrantLock());
    }

    /**
     * The same, taking {@code turns} around each chunk it applies. Ledgers of one process whose projections read and
     * write the same documents share one lock (fair, so they alternate chunk by chunk): a chunk's reads and writes of
     * those documents then never interleave with another's, and none waits for more than one chunk of the others.
     */
    public <E extends DomainEvent> Ledger<E> ledger(String group, Topic<E> topic, Projection<E> projection,
                                                    Lock turns) {
        store.ensureIndexes(group, projection.collections());
        store.ensureRetentionIndexes(group, properties.seenRetention().toSeconds(),
                properties.journalRetention().toSeconds());
        Ledger<E> ledger = new Ledger<>(group, topic, projection, store, codec, publisher, deadLetters, properties,
                meters, steps, clock, turns);
        ledgers.add(ledger);
        return ledger;
    }

    /** The same, as the batch consumer function of a Spring Cloud Stream binding. */
    public <E extends DomainEvent> Consumer<Message<List<byte[]>>> consumer(String group, Topic<E> topic,
                                                                          Projection<E> projection) {
        return consumer(group, topic, projection, new ReentrantLock());
    }

    /** The same, taking {@code turns} around each chunk (see {@link #ledger(String, Topic, Projection, Lock)}). */
    public <E extends DomainEvent> Consumer<Message<List<byte[]>>> consumer(String group, Topic<E> topic,
                                                                          Projection<E> projection, Lock turns) {
        Ledger<E> ledger = ledger(group, topic, projection, turns);
        return message -> ledger.process(records(message));
    }

    List<Ledger<?>> all() {
        return List.copyOf(ledgers);
    }

    LedgerStore store() {
        return store;
    }

    /**
     * The records of a batch-mode message: payloads with their per-record header lists (also for consumers of
     * external topics, which read bare payloads rather than envelopes).
     */
    public static List<RawRecord> records(Message<List<byte[]>> message) {
        MessageHeaders headers = message.getHeaders();
        List<byte[]> values = message.getPayload();
        List<?> topics = list(headers, KafkaHeaders.RECEIVED_TOPIC);
        List<?> partitions = list(headers, KafkaHeaders.RECEIVED_PARTITION);
        List<?> offsets = list(headers, KafkaHeaders.OFFSET);
        List<?> keys = headers.containsKey(KafkaHeaders.RECEIVED_KEY) ? list(headers, KafkaHeaders.RECEIVED_KEY) : null;
        List<?> timestamps = headers.containsKey(KafkaHeaders.RECEIVED_TIMESTAMP)
                ? list(headers, KafkaHeaders.RECEIVED_TIMESTAMP) : null;
        List<?> converted = headers.containsKey(KafkaHeaders.BATCH_CONVERTED_HEADERS)
                ? list(headers, KafkaHeaders.BATCH_CONVERTED_HEADERS) : null;
        List<RawRecord> records = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            records.add(new RawRecord(String.valueOf(topics.get(i)), ((Number) partitions.get(i)).intValue(),
                    ((Number) offsets.get(i)).longValue(), keys == null ? null : text(keys.get(i)), values.get(i),
                    converted == null ? Map.of() : headerMap(converted.get(i)),
                    timestamps == null ? 0L : ((Number) timestamps.get(i)).longValue()));
        }
        return records;
    }

    private static List<?> list(MessageHeaders headers, String name) {
        Object value = headers.get(name);
        if (!(value instanceof List<?> list)) {
            throw new IllegalStateException("header " + name + " is not a list: is the binding in batch mode?");
        }
        return list;
    }

    private static Map<String, String> headerMap(Object headers) {
        Map<String, String> map = new LinkedHashMap<>();
        if (headers instanceof Map<?, ?> raw) {
            raw.forEach((name, value) -> {
                String text = text(value);
                if (text != null) {
                    map.put(String.valueOf(name), text);
                }
            });
        }
        return map;
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(value);
    }
}
