package io.quotaflow.kpi.aggregation;

import io.quotaflow.events.TargetMetric;
import io.quotaflow.events.target.TargetEvent;
import io.quotaflow.kpi.aggregation.domain.Scope;
import io.quotaflow.kpi.attainment.AttainmentSignals;
import io.quotaflow.kpi.attainment.ProgressTargets;
import io.quotaflow.kpi.attainment.TargetBook;
import io.quotaflow.kpi.attainment.domain.TargetPlan;
import io.quotaflow.platform.consumption.Batch;
import io.quotaflow.platform.consumption.Delivery;
import io.quotaflow.platform.consumption.Doc;
import io.quotaflow.platform.consumption.Prefetch;
import io.quotaflow.platform.consumption.Projection;
import org.bson.Document;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The targets topic into the targets each scope holds ({@link TargetBook}: the highest plan version per plan and
 * node), and the target in force into the scope's progress document, so that attainment is judged against it from
 * then on; a new target that moves the scope across a threshold is announced at once.
 */
public final class TargetProjection implements Projection<TargetEvent> {

    private final AttainmentSignals signals;
    private final ChunkState<Map<String, Change>> changes = new ChunkState<>(LinkedHashMap::new);

    public TargetProjection(AttainmentSignals signals) {
        this.signals = signals;
    }

    private record Change(Scope scope, YearMonth period, TargetMetric metric, List<UUID> causes, Instant asOf) {
    }

    @Override
    public Set<String> collections() {
        return Set.of(Layout.TARGETS, Layout.PROGRESS, Layout.SCOPES);
    }

    @Override
    public void prefetch(List<Delivery<TargetEvent>> deliveries, Prefetch prefetch) {
        for (Delivery<TargetEvent> delivery : deliveries) {
            String id = Layout.id(Scope.of(delivery.payload().entity()), delivery.payload().period());
            prefetch.need(Layout.TARGETS, id).need(Layout.PROGRESS, id);
        }
    }

    @Override
    public void apply(Delivery<TargetEvent> delivery, Batch batch) {
        TargetEvent event = delivery.payload();
        Scope scope = Scope.of(event.entity());
        String id = Layout.id(scope, event.period());
        Doc targets = batch.doc(Layout.TARGETS, id);
        String path = TargetBook.path(event.metric(), event.planId());
        Document held = targets.has(path) ? targets.document(path) : null;
        if (TargetBook.version(held) >= event.planVersion()) {
            return;
        }
        targets.set(path, TargetBook.entry(event, delivery.envelope().occurredAt()));
        batch.doc(Layout.SCOPES, event.period().toString()).set("s." + scope.type() + "." + Keys.escape(scope.id()), true);
        TargetPlan plan = TargetBook.effective(targets.document("p." + event.metric()), event.metric(), event.period())
                .orElseThrow();
        Doc progress = batch.doc(Layout.PROGRESS, id);
        Map<String, Object> compact = ProgressTargets.compact(plan);
        if (!Objects.equals(ProgressTargets.read(progress, event.metric(), event.period()), plan.withoutWeeks())) {
            progress.set("t." + event.metric(), compact);
            Map<String, Change> chunk = changes.of(batch);
            Change before = chunk.get(id + "|" + event.metric());
            List<UUID> causes = new ArrayList<>(before == null ? List.of() : before.causes());
            causes.add(delivery.eventId());
            Instant asOf = before == null || delivery.envelope().occurredAt().isAfter(before.asOf())
                    ? delivery.envelope().occurredAt() : before.asOf();
            chunk.put(id + "|" + event.metric(), new Change(scope, event.period(), event.metric(), causes, asOf));
        }
    }

    @Override
    public void complete(Batch batch) {
        for (Change change : changes.complete(batch).values()) {
            signals.evaluate(batch.doc(Layout.PROGRESS, Layout.id(change.scope(), change.period())), change.scope(),
                    change.period(), change.metric(), change.asOf(), change.causes(), batch);
        }
    }
}
