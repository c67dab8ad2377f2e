package io.quotaflow.platform.messaging;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.UUID;

/**
 * Publishes a batch of an outbox right after the state change that made it, so the caller sees it published,
 * without racing the relay: it takes the outbox's lease for the moment it publishes. If the relay (of this or
 * another instance) holds the lease, it leaves the batch to it — the relay publishes it within its interval —
 * rather than send a second copy. If Kafka does not acknowledge, the batch stays pending for the relay.
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
