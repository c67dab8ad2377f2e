package io.quotaflow.platform.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Drains every {@link Outbox} of the service: publishes what is pending, then marks it published.
 *
 * <p>Every instance runs a relay on a schedule, and one relay at a time drains an outbox: it takes the
 * lease {@code outbox:<name>} ({@link Leases}) for its turn, renews it before each batch (so it holds it for
 * a whole lease while publishing that batch) and gives it up at the end. A relay that finds the lease held skips that outbox this turn; one that cannot renew (it was
 * too slow and another took over) stops its turn. The lease must outlast the publication of one batch
 * (the Kafka acknowledgement timeout), so two relays never publish the same batch at once; if an instance
 * dies holding it, another takes over once it expires.
 *
 * <p>A batch that fails (Kafka did not acknowledge, or it cannot be published at all) is counted in
 * {@code quotaflow.outbox.failures}, logged and retried next turn; the relay goes on with the next batch.
 */
public class OutboxRelay {

    static final int BATCHES_PER_TURN = 20;
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final List<Outbox<?>> outboxes;
    private final EventPublisher publisher;
    private final Leases leases;
    private final Duration lease;
    private final MeterRegistry meters;
    private final String holder = "relay-" + UUID.randomUUID();

    public OutboxRelay(List<? extends Outbox<?>> outboxes, EventPublisher publisher, Leases leases, Duration lease,
                       MeterRegistry meters) {
        this.outboxes = List.copyOf(outboxes);
        this.publisher = publisher;
        this.leases = leases;
        this.lease = lease;
        this.meters = meters;
    }

    /** One turn over all outboxes; returns the number of batches published. */
    public int relay() {
        int done = 0;
        for (Outbox<?> outbox : outboxes) {
            try {
                done += relay(outbox);
            } catch (RuntimeException e) {
                fail(outbox, "outbox " + outbox.name(), e);
            }
        }
        return done;
    }

    /** The id this relay holds leases under. */
    public String holder() {
        return holder;
    }

    static String leaseOf(Outbox<?> outbox) {
        return "outbox:" + outbox.name();
    }

    private <T> int relay(Outbox<T> outbox) {
        String name = leaseOf(outbox);
        if (!leases.tryAcquire(name, holder, lease)) {
            return 0;
        }
        int done = 0;
        try {
            for (Outbox.Pending<T> batch : outbox.pending(BATCHES_PER_TURN)) {
                if (!leases.tryAcquire(name, holder, lease)) {
                    log.warn("Lost the lease on {} to another relay; leaving the rest to it", name);
                    return done;
                }
                if (publish(outbox, batch)) {
                    done++;
                }
            }
            return done;
        } finally {
            leases.release(name, holder);
        }
    }

    private <T> boolean publish(Outbox<T> outbox, Outbox.Pending<T> batch) {
        try {
            publisher.publish(batch.events());
            outbox.published(batch);
            return true;
        } catch (RuntimeException e) {
            fail(outbox, batch.id(), e);
            return false;
        }
    }

    private void fail(Outbox<?> outbox, String what, RuntimeException e) {
        meters.counter("quotaflow.outbox.failures", "outbox", outbox.name()).increment();
        log.warn("Could not publish {} yet ({}); will retry", what, e.getMessage());
    }
}
