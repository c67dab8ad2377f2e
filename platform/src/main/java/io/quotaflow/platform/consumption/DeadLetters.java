package io.quotaflow.platform.consumption;

import io.quotaflow.platform.messaging.EventPublisher;
import io.quotaflow.platform.messaging.OutgoingRecord;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Sends a record that cannot be applied to {@code <topic>.<group>.dlq}, unchanged, with why and where it came
 * from in its headers, and waits for Kafka's acknowledgement (so the consumer may go on without losing it).
 */
public final class DeadLetters {

    public static final String REASON = "quotaflow-dlq-reason";
    public static final String ORIGINAL_TOPIC = "quotaflow-dlq-original-topic";
    public static final String ORIGINAL_PARTITION = "quotaflow-dlq-original-partition";
    public static final String ORIGINAL_OFFSET = "quotaflow-dlq-original-offset";
    public static final String CONSUMER = "quotaflow-dlq-consumer";
    public static final String AT = "quotaflow-dlq-at";
    private static final int MAX_REASON = 1000;

    private final EventPublisher publisher;
    private final Consumer<String> ensureTopic;
    private final Clock clock;
    private final Set<String> ensured = ConcurrentHashMap.newKeySet();

    /** @param ensureTopic creates a dead-letter topic if it does not exist (called once per topic) */
    public DeadLetters(EventPublisher publisher, Consumer<String> ensureTopic, Clock clock) {
        this.publisher = publisher;
        this.ensureTopic = ensureTopic;
        this.clock = clock;
    }

    public static String topicOf(String topic, String group) {
        return topic + "." + group + ".dlq";
    }

    /**
     * Sends {@code record} as consumer group {@code group} could not use it to {@code <topic>.<group>.dlq}, with
     * the reason, and waits for the acknowledgement. Ledgers call it; so may a consumer of an external topic (whose
     * records are not envelopes, so no ledger reads them).
     */
    public void send(String group, RawRecord record, String reason) {
        String topic = topicOf(record.topic(), group);
        if (ensured.add(topic)) {
            ensureTopic.accept(topic);
        }
        Map<String, String> headers = new LinkedHashMap<>(record.headers());
        headers.put(REASON, reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason);
        headers.put(ORIGINAL_TOPIC, record.topic());
        headers.put(ORIGINAL_PARTITION, Integer.toString(record.partition()));
        headers.put(ORIGINAL_OFFSET, Long.toString(record.offset()));
        headers.put(CONSUMER, group);
        headers.put(AT, clock.instant().toString());
        publisher.publishEncoded(List.of(new OutgoingRecord(topic, record.key(),
                record.value() == null ? new byte[0] : record.value(), headers)));
    }
}
