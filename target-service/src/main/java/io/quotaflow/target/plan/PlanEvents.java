package io.quotaflow.target.plan;

import io.quotaflow.events.EntityRef;
import io.quotaflow.events.EventEnvelope;
import io.quotaflow.events.EventIds;
import io.quotaflow.events.target.DailyTarget;
import io.quotaflow.events.target.TargetAssigned;
import io.quotaflow.events.target.TargetEvent;
import io.quotaflow.events.target.TargetRevised;
import io.quotaflow.events.target.WeeklyTarget;
import io.quotaflow.platform.messaging.EventPublisher;
import io.quotaflow.target.decomposition.Decomposition;
import io.quotaflow.target.decomposition.EntityType;
import io.quotaflow.target.decomposition.NodeKey;
import io.quotaflow.target.decomposition.TargetNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The events a plan's state calls for, derived from the state itself rather than stored beside it:
 * {@code TargetAssigned} for every node of the current version when nothing was published yet, otherwise
 * {@code TargetRevised} for every node that differs from the last published version. Event ids are
 * deterministic (plan, version, node, type), so publishing the same state twice is dropped by consumers.
 */
final class PlanEvents {

    private PlanEvents() {
    }

    static List<EventEnvelope<TargetEvent>> of(Plan plan, PlanVersion current, Optional<PlanVersion> published,
                                               EventPublisher publisher) {
        Decomposition now = current.decomposition();
        Map<NodeKey, TargetNode> nodes = now.nodes().stream()
                .collect(Collectors.toMap(TargetNode::key, Function.identity()));
        List<EventEnvelope<TargetEvent>> events = new ArrayList<>();
        Instant at = plan.latestEntry().at();
        if (published.isEmpty()) {
            for (TargetNode node : now.nodes()) {
                events.add(envelope(publisher, plan, node, "TargetAssigned", at, assigned(plan, node, nodes)));
            }
            return events;
        }
        Map<NodeKey, TargetNode> before = published.get().nodes().stream()
                .collect(Collectors.toMap(TargetNode::key, Function.identity()));
        for (TargetNode node : now.nodes()) {
            TargetNode previous = before.get(node.key());
            if (previous == null || !samePlan(previous, node)) {
                events.add(envelope(publisher, plan, node, "TargetRevised", at,
                        revised(plan, published.get().version(), node, previous, nodes)));
            }
        }
        return events;
    }

    private static TargetAssigned assigned(Plan plan, TargetNode node, Map<NodeKey, TargetNode> nodes) {
        return new TargetAssigned(plan.id(), plan.version(), plan.period(), plan.metric(), ref(node.key()),
                node.parentKey().map(PlanEvents::ref).orElse(null), teamOf(node), regionOf(node, nodes),
                node.monthly(), node.base(), node.challenge(), currency(plan), weekly(node), daily(node));
    }

    private static TargetRevised revised(Plan plan, int previousVersion, TargetNode node, TargetNode previous,
                                         Map<NodeKey, TargetNode> nodes) {
        Plan.VersionEntry entry = plan.latestEntry();
        return new TargetRevised(plan.id(), plan.version(), previousVersion, plan.period(), plan.metric(),
                ref(node.key()), node.parentKey().map(PlanEvents::ref).orElse(null), teamOf(node),
                regionOf(node, nodes), node.monthly(), node.base(), node.challenge(), currency(plan), weekly(node),
                daily(node), previous == null ? null : previous.monthly(), entry.effectiveFrom(), entry.reason());
    }

    private static EventEnvelope<TargetEvent> envelope(EventPublisher publisher, Plan plan, TargetNode node,
                                                       String type, Instant at, TargetEvent event) {
        return publisher.envelope(EventIds.of("target-service", plan.id(), "v" + plan.version(),
                node.entityType().name(), node.entityId(), type), at, event);
    }

    private static boolean samePlan(TargetNode a, TargetNode b) {
        return a.monthly().compareTo(b.monthly()) == 0 && a.base().compareTo(b.base()) == 0
                && a.challenge().compareTo(b.challenge()) == 0 && Objects.equals(a.daily(), b.daily());
    }

    private static String teamOf(TargetNode node) {
        return switch (node.entityType()) {
            case TEAM -> node.entityId();
            case REP -> node.parentId();
            default -> null;
        };
    }

    private static String regionOf(TargetNode node, Map<NodeKey, TargetNode> nodes) {
        return switch (node.entityType()) {
            case REGION -> node.entityId();
            case TEAM -> node.parentId();
            case REP -> Optional.ofNullable(nodes.get(new NodeKey(EntityType.TEAM, node.parentId())))
                    .map(TargetNode::parentId).orElse(null);
            default -> null;
        };
    }

    private static String currency(Plan plan) {
        return plan.metric().isMoney() ? plan.currency() : null;
    }

    static EntityRef ref(NodeKey key) {
        return new EntityRef(io.quotaflow.events.EntityType.valueOf(key.type().name()), key.id());
    }

    private static List<WeeklyTarget> weekly(TargetNode node) {
        return node.weekly().stream()
                .map(week -> new WeeklyTarget(week.week(), week.from(), week.to(), week.amount())).toList();
    }

    private static List<DailyTarget> daily(TargetNode node) {
        return node.daily().stream().map(day -> new DailyTarget(day.date(), day.amount())).toList();
    }
}
