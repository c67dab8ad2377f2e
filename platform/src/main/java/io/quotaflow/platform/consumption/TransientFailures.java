package io.quotaflow.platform.consumption;

import io.quotaflow.platform.messaging.EventPublisher;

/**
 * Tells an outage (retry until it passes, never skip) from a record's own fault (dead-letter it): a failure of
 * MongoDB, Kafka or the network anywhere in the cause chain is an outage.
 */
public final class TransientFailures {

    private TransientFailures() {
    }

    public static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof com.mongodb.MongoException
                    || cause instanceof org.springframework.dao.DataAccessException
                    || cause instanceof EventPublisher.PublishFailedException
                    || cause instanceof org.apache.kafka.common.KafkaException
                    || cause instanceof LedgerStore.LedgerConflictException
                    || cause instanceof java.util.concurrent.TimeoutException
                    || cause instanceof java.io.IOException
                    || cause instanceof InterruptedException) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
