package io.quotaflow.incentive.award;

import io.quotaflow.events.EntityType;
import io.quotaflow.events.target.TargetAssigned;
import io.quotaflow.events.target.TargetEvent;
import io.quotaflow.events.target.TargetRevised;
import io.quotaflow.platform.consumption.Batch;
import io.quotaflow.platform.consumption.Delivery;
import io.quotaflow.platform.consumption.Doc;
import io.quotaflow.platform.consumption.Prefetch;
import io.quotaflow.platform.consumption.Projection;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * Reps' targets from the {@code targets} topic, per (rep, period) and metric, for commission bands: of one target
 * plan the highest plan version is kept (an older version's event may arrive last); another plan's target replaces
 * it.
 */
@Component
public class TargetBook implements Projection<TargetEvent> {

    @Override
    public Set<String> collections() {
        return Set.of(IncentiveCollections.TARGETS);
    }

    @Override
    public void prefetch(List<Delivery<TargetEvent>> deliveries, Prefetch prefetch) {
        deliveries.stream().map(Delivery::payload).filter(event -> event.entity().type() == EntityType.REP)
                .forEach(event -> prefetch.need(IncentiveCollections.TARGETS,
                        IncentiveCollections.id(event.entity().id(), event.period())));
    }

    @Override
    public void apply(Delivery<TargetEvent> delivery, Batch batch) {
        TargetEvent event = delivery.payload();
        if (event.entity().type() != EntityType.REP) {
            return;
        }
        Doc targets = batch.doc(IncentiveCollections.TARGETS, IncentiveCollections.id(event.entity().id(), event.period()));
        String at = "metrics." + event.metric();
        if (event.planId().equals(targets.string(at + ".planId")) && event.planVersion() < targets.count(at + ".planVersion")) {
            return;
        }
        BigDecimal monthly;
        BigDecimal base;
        BigDecimal challenge;
        if (event instanceof TargetAssigned assigned) {
            monthly = assigned.monthly();
            base = assigned.base();
            challenge = assigned.challenge();
        } else {
            TargetRevised revised = (TargetRevised) event;
            monthly = revised.monthly();
            base = revised.base();
            challenge = revised.challenge();
        }
        targets.set("repId", event.entity().id()).set("period", event.period())
                .set(at + ".planId", event.planId()).set(at + ".planVersion", event.planVersion())
                .set(at + ".monthly", monthly).set(at + ".base", base).set(at + ".challenge", challenge)
                .set(at + ".eventId", delivery.eventId());
    }

    /** The rep's monthly target of {@code metric} in a targets document; null when none was assigned. */
    static BigDecimal monthly(Doc targets, String metric) {
        return targets.loaded() ? targets.decimalOrNull("metrics." + metric + ".monthly") : null;
    }
}
