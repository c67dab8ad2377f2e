package io.quotaflow.platform.consumption;

/** Hears the steps of every chunk (tests inject failures here). */
@FunctionalInterface
public interface Steps {

    Steps NONE = (consumer, topicPartition, step) -> {
    };

    void reached(String consumer, String topicPartition, Step step);
}
