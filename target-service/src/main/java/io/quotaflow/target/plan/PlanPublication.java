package io.quotaflow.target.plan;

import io.quotaflow.events.EventEnvelope;
import io.quotaflow.events.target.TargetEvent;
import io.quotaflow.platform.messaging.EventPublisher;
import io.quotaflow.platform.messaging.ImmediatePublication;
import io.quotaflow.platform.messaging.Outbox;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Publishes what the plans' state says is unpublished: right after an approval or revision (so the
 * caller usually sees it done), and from the platform's outbox relay for anything that failed then.
 *
 * <p>The request thread publishes under the outbox's lease, waiting a moment for a relay turn to end and
 * reading the plan again once it holds it, so a version is not sent by both. Marking published is
 * conditional on the plan still being at that version (a newer version stays pending).
 */
@Component
class PlanPublication implements Outbox<Plan> {


    /** How long a caller waits for a relay turn to end before leaving its change to the next one. */
    private static final Duration PATIENCE = Duration.ofSeconds(3);

    private final Plans plans;
    private final EventPublisher publisher;
    private final ImmediatePublication immediately;

    PlanPublication(Plans plans, EventPublisher publisher, ImmediatePublication immediately) {
        this.plans = plans;
        this.publisher = publisher;
        this.immediately = immediately;
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

    /**
     * Publishes the plan's pending events now, under the outbox's lease; if the relay holds it, or Kafka does
     * not acknowledge, the relay publishes them within its interval.
     */
    Plan publishNow(Plan plan) {
        if (!plan.publicationPending()) {
            return plan;
        }
        immediately.publishSoon(this, () -> plans.find(plan.id()).filter(Plan::publicationPending).map(this::pendingOf),
                PATIENCE);
        // the caller is shown its own version: a later revision may have won meanwhile
        return plans.find(plan.id()).filter(stored -> stored.version() == plan.version()).orElse(plan);
    }

    private Pending<Plan> pendingOf(Plan plan) {
        PlanVersion current = plans.currentVersion(plan);
        Optional<PlanVersion> published = plan.publishedVersion() == 0
                ? Optional.empty() : plans.version(plan, plan.publishedVersion());
        List<EventEnvelope<TargetEvent>> events = PlanEvents.of(plan, current, published, publisher);
        return new Pending<>(plan.id() + "@v" + plan.version(), plan, events);
    }
}
