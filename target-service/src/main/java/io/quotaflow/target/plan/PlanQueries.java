package io.quotaflow.target.plan;

import io.quotaflow.platform.security.Caller;
import io.quotaflow.platform.security.Role;
import io.quotaflow.platform.web.NotFoundException;
import io.quotaflow.target.decomposition.Decomposition;
import io.quotaflow.target.decomposition.EntityType;
import io.quotaflow.target.decomposition.NodeKey;
import io.quotaflow.target.decomposition.TargetNode;
import io.quotaflow.target.plan.PlanViews.AssignedTarget;
import io.quotaflow.target.plan.PlanViews.LevelsView;
import io.quotaflow.target.plan.PlanViews.NodeView;
import io.quotaflow.target.plan.PlanViews.PlanSummary;
import io.quotaflow.target.plan.PlanViews.PlanView;
import io.quotaflow.target.plan.PlanViews.ReconciliationRow;
import io.quotaflow.target.plan.PlanViews.ReconciliationView;
import io.quotaflow.target.plan.PlanViews.TableRow;
import io.quotaflow.target.plan.PlanViews.TargetTable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads plans as their users need them: the plan with its nodes, the reconciliation of top-down and
 * bottom-up, the target management table, and the targets assigned to an entity. A MANAGER sees the
 * company, product lines and regions, and only their own teams and those teams' reps.
 */
@Component
public class PlanQueries {

    private final Plans plans;
    private final OrgSnapshots org;

    PlanQueries(Plans plans, OrgSnapshots org) {
        this.plans = plans;
        this.org = org;
    }

    public ReconciliationView reconciliation(String planId, Caller caller) {
        caller.requireAnyRole(Role.ADMIN, Role.MANAGER);
        Plan plan = load(planId);
        Decomposition decomposition = plans.currentVersion(plan).decomposition();
        Map<NodeKey, Plan.Commitment> commitments = plan.commitments().stream()
                .collect(Collectors.toMap(Plan.Commitment::node, Function.identity()));
        Map<NodeKey, String> names = org.names();
        List<ReconciliationRow> rows = new ArrayList<>();
        Reconciler.Row companyRow = null;
        for (Reconciler.Row row : new Reconciler(decomposition, amounts(commitments)).rows()) {
            if (row.node().entityType() == EntityType.COMPANY) {
                companyRow = row;
            }
            if (!visible(row.node(), caller)) {
                continue;
            }
            TargetNode node = row.node();
            Plan.Commitment commitment = commitments.get(node.key());
            rows.add(new ReconciliationRow(node.entityType(), node.entityId(), names.get(node.key()), node.parentType(),
                    node.parentId(), node.monthly(), row.bottomUp(), row.gap(), ratio(row.gap(), node.monthly()),
                    row.source().name(), commitment == null ? null : commitment.by(),
                    commitment == null ? null : commitment.at()));
        }
        return new ReconciliationView(planId, plan.version(), plan.metric(), plan.currency(),
                companyRow.node().monthly(), companyRow.bottomUp(), companyRow.gap(), rows);
    }

    public TargetTable table(String planId, Caller caller) {
        caller.requireAnyRole(Role.ADMIN, Role.MANAGER);
        Plan plan = load(planId);
        Decomposition decomposition = plans.currentVersion(plan).decomposition();
        int workingDays = plan.rules().calendar().workingDays(plan.period()).size();
        BigDecimal daysPerWeek = BigDecimal.valueOf(7L - plan.rules().weekend().size());
        Map<NodeKey, String> names = org.names();
        List<TableRow> rows = decomposition.nodes().stream()
                .filter(node -> visible(node, caller))
                .map(node -> new TableRow(node.entityType(), node.entityId(), nameOf(node, names),
                        node.entityType().label() + " " + nameOf(node, names), plan.metric(),
                        node.monthly(),
                        node.monthly().multiply(daysPerWeek).divide(BigDecimal.valueOf(workingDays), plan.scale(),
                                RoundingMode.HALF_EVEN),
                        node.base(), node.challenge(), plan.strategy(node.key()).orElse("")))
                .toList();
        return new TargetTable(planId, plan.version(), plan.period(), plan.metric(), plan.currency(), rows);
    }

    /**
     * Targets assigned (by approved plans) for a period: a REP gets their own; a MANAGER those of their
     * teams and reps; an ADMIN anyone's. Without an entity, everything the caller may see.
     */
    public List<AssignedTarget> assigned(YearMonth period, EntityType type, String entityId, Caller caller) {
        caller.requireAnyRole(Role.ADMIN, Role.MANAGER, Role.REP);
        if (caller.has(Role.REP) && !caller.isAdmin() && !caller.has(Role.MANAGER)) {
            if ((type != null && type != EntityType.REP) || (entityId != null && !entityId.equals(caller.repId()))) {
                throw new AccessDeniedException("a rep sees only their own targets");
            }
            type = EntityType.REP;
            entityId = caller.repId();
        }
        Map<NodeKey, String> names = org.names();
        List<AssignedTarget> targets = new ArrayList<>();
        for (Plan plan : plans.inPeriod(period)) {
            if (!plan.status().isAssigned()) {
                continue;
            }
            for (TargetNode node : plans.currentVersion(plan).nodes()) {
                if ((type != null && node.entityType() != type) || (entityId != null && !node.entityId().equals(entityId))) {
                    continue;
                }
                if (!visible(node, caller)) {
                    if (type != null && entityId != null) {
                        throw new AccessDeniedException("not allowed to see the targets of " + node.key());
                    }
                    continue;
                }
                targets.add(new AssignedTarget(plan.id(), plan.version(), plan.period(), plan.metric(),
                        node.entityType(), node.entityId(), names.get(node.key()), node.monthly(), node.base(),
                        node.challenge(), plan.currency(), node.weekly(), node.daily(),
                        plan.latestEntry().effectiveFrom()));
            }
        }
        targets.sort(Comparator.comparing(AssignedTarget::metric).thenComparing(AssignedTarget::entityType)
                .thenComparing(AssignedTarget::entityId));
        return targets;
    }

    PlanView view(Plan plan, Caller caller) {
        return view(plan, plans.currentVersion(plan).decomposition(), caller);
    }

    PlanView view(Plan plan, Decomposition decomposition, Caller caller) {
        Map<NodeKey, TargetNode> byKey = decomposition.nodes().stream()
                .collect(Collectors.toMap(TargetNode::key, Function.identity()));
        Map<NodeKey, String> names = org.names();
        List<NodeView> nodes = decomposition.nodes().stream()
                .filter(node -> visible(node, caller))
                .map(node -> new NodeView(node.entityType(), node.entityId(), names.get(node.key()),
                        node.parentType(), node.parentId(), node.monthly(), node.base(), node.challenge(),
                        node.weight().doubleValue(), share(node, byKey), node.weekly(), node.daily(),
                        plan.strategy(node.key()).orElse(null),
                        plan.commitment(node.key()).map(Plan.Commitment::amount).orElse(null)))
                .toList();
        return new PlanView(plan.id(), plan.name(), plan.period(), plan.metric(), plan.total(), plan.currency(),
                new LevelsView(plan.rules().levels().base().doubleValue(), plan.rules().levels().challenge().doubleValue()),
                plan.rules().allocation(), plan.status(), plan.version(), plan.publishedVersion(), publication(plan),
                decomposition.warnings(), plan.versions(), nodes);
    }

    static PlanSummary summary(Plan plan) {
        return new PlanSummary(plan.id(), plan.name(), plan.period(), plan.metric(), plan.total(), plan.currency(),
                plan.status(), plan.version(), publication(plan));
    }

    /** A MANAGER sees the company, product lines and regions, and their own teams and those teams' reps. */
    static boolean visible(TargetNode node, Caller caller) {
        return switch (node.entityType()) {
            case COMPANY, PRODUCT_LINE, REGION -> caller.isAdmin() || caller.has(Role.MANAGER);
            case TEAM -> caller.canSeeTeam(node.entityId());
            case REP -> caller.canSeeRep(node.entityId(), node.parentId());
        };
    }

    private static String publication(Plan plan) {
        if (!plan.status().isAssigned()) {
            return "NOT_ASSIGNED";
        }
        return plan.publicationPending() ? "PENDING" : "PUBLISHED";
    }

    private static double share(TargetNode node, Map<NodeKey, TargetNode> byKey) {
        return node.parentKey().map(byKey::get)
                .map(parent -> ratio(node.monthly(), parent.monthly()))
                .map(share -> share == null ? 0.0 : share)
                .orElse(1.0);
    }

    private static Double ratio(BigDecimal part, BigDecimal whole) {
        if (part == null || whole.signum() == 0) {
            return null;
        }
        return part.divide(whole, 6, RoundingMode.HALF_EVEN).doubleValue();
    }

    private static String nameOf(TargetNode node, Map<NodeKey, String> names) {
        return names.getOrDefault(node.key(), node.entityId());
    }

    private static Map<NodeKey, BigDecimal> amounts(Map<NodeKey, Plan.Commitment> commitments) {
        return commitments.values().stream().collect(Collectors.toMap(Plan.Commitment::node, Plan.Commitment::amount));
    }

    private Plan load(String planId) {
        return plans.find(planId).orElseThrow(() -> new NotFoundException("plan", planId));
    }
}
