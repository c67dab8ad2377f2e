package io.quotaflow.target.plan;

import io.quotaflow.events.EventEnvelope;
import io.quotaflow.events.target.TargetEvent;
import io.quotaflow.platform.messaging.EventPublisher;
import io.quotaflow.platform.messaging.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * Publishes what the plans' state says is unpublished: right after an approval or revision (so the
 * caller usually sees it done), and from the platform's outbox relay for anything that failed then.
 *
 * <p>The request thread publishes without the relay's lease, so both may publish the same version at
 * once. That is safe: the events are derived from the stored version with deterministic ids (the second
 * copy is a duplicate consumers drop), and marking published is conditional on the plan still being at
 * that version (a newer version stays pending). Waiting for the relay's lease instead would keep callers
 * waiting behind a whole relay turn.
 */
@Component
class PlanPublication implements Outbox<Plan> {

    private static final Logger log = LoggerFactory.getLogger(PlanPublication.class);

    private final Plans plans;
    private final EventPublisher publisher;

    PlanPublication(Plans plans, EventPublisher publisher) {
        this.plans = plans;
        this.publisher = publisher;
    }

    @Override
    public String name() {
        return "plans";
    }

    @Override
    public List<Pending<Plan>> pending(int limit) {
        return plans.awaitingPublication(limit).stream().map(this::pendingOf).toList();
    }

    @Override
    public void published(Pending<Plan> batch) {
        plans.markPublished(batch.token().id(), batch.token().version());
    }

    /** Tries to publish the plan's pending events now; on failure the relay retries later. */
    Plan publishNow(Plan plan) {
        if (!plan.publicationPending()) {
            return plan;
        }
        try {
            Pending<Plan> batch = pendingOf(plan);
            publisher.publish(batch.events());
            published(batch);
            return plans.find(plan.id()).orElse(plan);
        } catch (EventPublisher.PublishFailedException e) {
            log.warn("Plan {} v{} is saved; its events will be published when Kafka is back ({})", plan.id(),
                    plan.version(), e.getMessage());
            return plan;
        }
    }

    private Pending<Plan> pendingOf(Plan plan) {
        PlanVersion current = plans.currentVersion(plan);
        Optional<PlanVersion> published = plan.publishedVersion() == 0
                ? Optional.empty() : plans.version(plan, plan.publishedVersion());
        List<EventEnvelope<TargetEvent>> events = PlanEvents.of(plan, current, published, publisher);
        return new Pending<>(plan.id() + "@v" + plan.version(), plan, events);
    }
}
