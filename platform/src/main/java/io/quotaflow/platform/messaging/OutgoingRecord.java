package io.quotaflow.platform.messaging;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * A record ready for Kafka: topic, key, the encoded value and string headers. Kept in this form where a
 * record must be sent again byte for byte (a consumer's journal, a dead letter).
 */
public record OutgoingRecord(String topic, String key, byte[] value, Map<String, String> headers) {

    public OutgoingRecord {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(value, "value");
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OutgoingRecord that && topic.equals(that.topic) && Objects.equals(key, that.key)
                && Arrays.equals(value, that.value) && headers.equals(that.headers);
    }

    @Override
    public int hashCode() {
        return Objects.hash(topic, key, Arrays.hashCode(value), headers);
    }

    @Override
    public String toString() {
        return "OutgoingRecord[" + topic + ", key=" + key + ", " + value.length + " bytes, headers=" + headers + "]";
    }
}
