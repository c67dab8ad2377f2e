package io.quotaflow.platform.consumption;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One Kafka record as the ledger receives it, whatever delivered it (a Spring Cloud Stream batch binding or a
 * plain consumer in a test harness).
 */
public record RawRecord(String topic, int partition, long offset, String key, byte[] value,
                        Map<String, String> headers, long timestamp) {

    public RawRecord {
        Objects.requireNonNull(topic, "topic");
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    /** A record read by a plain Kafka consumer. */
    public static RawRecord from(ConsumerRecord<String, byte[]> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        record.headers().forEach(header -> headers.put(header.key(),
                header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8)));
        return new RawRecord(record.topic(), record.partition(), record.offset(), record.key(), record.value(),
                headers, record.timestamp());
    }

    /** {@code sales-activities-3}: the topic-partition, as offsets are fenced by it. */
    public String topicPartition() {
        return topic + "-" + partition;
    }
}
