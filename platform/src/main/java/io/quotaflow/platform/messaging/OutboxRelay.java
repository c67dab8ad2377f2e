package io.quotaflow.platform.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/** Drains every {@link Outbox} of the service: publishes what is pending, then marks it published. */
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCHES_PER_RUN = 20;

    private final List<Outbox> outboxes;
    private final EventPublisher publisher;
    private final MeterRegistry meters;

    public OutboxRelay(List<Outbox> outboxes, EventPublisher publisher, MeterRegistry meters) {
        this.outboxes = outboxes;
        this.publisher = publisher;
        this.meters = meters;
    }

    /** One pass over all outboxes; returns the number of batches published. */
    public int relay() {
        int done = 0;
        for (Outbox outbox : outboxes) {
            for (Outbox.Pending batch : outbox.pending(BATCHES_PER_RUN)) {
                try {
                    publisher.publish(batch.events());
                    outbox.published(batch);
                    done++;
                } catch (RuntimeException e) {
                    meters.counter("quotaflow.outbox.failures", "outbox", outbox.getClass().getSimpleName()).increment();
                    log.warn("Could not publish {} yet ({}); will retry", batch.id(), e.getMessage());
                    return done;
                }
            }
        }
        return done;
    }
}
