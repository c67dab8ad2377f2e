package io.quotaflow.platform.messaging;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Publishes a batch of an outbox right after the state change that made it, so the caller sees it published,
 * without racing the relay: it takes the outbox's lease for the moment it publishes. If the relay (of this or
 * another instance) holds the lease, it leaves the batch to it — the relay publishes it within its interval —
 * rather than send a second copy. If Kafka does not acknowledge, the batch stays pending for the relay.
 *
 * <p>{@link #publishSoon} waits a moment for a relay turn to end instead of leaving the batch to the next
 * turn, and reads the batch again under the lease: a caller then sees its change published, and a batch the
 * relay published meanwhile is not sent twice.
 */
public class ImmediatePublication {

    private static final Logger log = LoggerFactory.getLogger(ImmediatePublication.class);

    private final EventPublisher publisher;
    private final Leases leases;
    private final Duration lease;

    public ImmediatePublication(EventPublisher publisher, Leases leases, Duration lease) {
        this.publisher = publisher;
        this.leases = leases;
        this.lease = lease;
    }

    /**
     * Publishes what {@code current} says is pending once this caller holds the outbox's lease, waiting up to
     * {@code patience} for a relay turn to end; {@code current} is read under the lease.
     *
     * @return whether nothing of it is pending any more (published now, or by the relay meanwhile); false
     * leaves it to the relay
     */
    public <T> boolean publishSoon(Outbox<T> outbox, Supplier<Optional<Outbox.Pending<T>>> current,
                                   Duration patience) {
        String name = OutboxRelay.leaseOf(outbox);
        String holder = "now-" + UUID.randomUUID();
        long deadline = System.nanoTime() + patience.toNanos();
        while (!leases.tryAcquire(name, holder, lease)) {
            if (System.nanoTime() > deadline) {
                log.debug("The relay is still draining {}; it will publish the rest", outbox.name());
                return false;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        try {
            Optional<Outbox.Pending<T>> batch = current.get();
            if (batch.isEmpty()) {
                return true;
            }
            publisher.publish(batch.get().events());
            outbox.published(batch.get());
            return true;
        } catch (EventPublisher.PublishFailedException e) {
            log.warn("{} is saved; it will be published when Kafka is back ({})", outbox.name(), e.getMessage());
            return false;
        } finally {
            leases.release(name, holder);
        }
    }

    /** @return whether the batch was published and marked now (otherwise the relay will) */
    public <T> boolean tryPublish(Outbox<T> outbox, Outbox.Pending<T> batch) {
        String name = OutboxRelay.leaseOf(outbox);
        String holder = "now-" + UUID.randomUUID();
        if (!leases.tryAcquire(name, holder, lease)) {
            log.debug("The relay is draining {}; it will publish {}", outbox.name(), batch.id());
            return false;
        }
        try {
            publisher.publish(batch.events());
            outbox.published(batch);
            return true;
        } catch (EventPublisher.PublishFailedException e) {
            log.warn("{} is saved; it will be published when Kafka is back ({})", batch.id(), e.getMessage());
            return false;
        } finally {
            leases.release(name, holder);
        }
    }
}
