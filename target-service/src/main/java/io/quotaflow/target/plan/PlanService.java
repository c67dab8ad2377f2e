package io.quotaflow.target.plan;

import io.quotaflow.platform.calendar.OfficialCalendar;
import io.quotaflow.platform.config.OrganisationProperties;
import io.quotaflow.platform.security.Caller;
import io.quotaflow.platform.security.Role;
import io.quotaflow.platform.web.ConflictException;
import io.quotaflow.platform.web.NotFoundException;
import io.quotaflow.target.decomposition.Allocation;
import io.quotaflow.target.decomposition.Decomposer;
import io.quotaflow.target.decomposition.Decomposition;
import io.quotaflow.target.decomposition.DecompositionException;
import io.quotaflow.target.decomposition.DecompositionRequest;
import io.quotaflow.target.decomposition.EntityType;
import io.quotaflow.target.decomposition.Levels;
import io.quotaflow.target.decomposition.NodeKey;
import io.quotaflow.target.decomposition.Replanner;
import io.quotaflow.target.decomposition.TargetNode;
import io.quotaflow.target.plan.PlanViews.CommitmentView;
import io.quotaflow.target.plan.PlanViews.PlanSummary;
import io.quotaflow.target.plan.PlanViews.PlanView;
import io.quotaflow.web.InvalidInputException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The lifecycle of target plans: draft (with preview), approve, revise, commitments and their adoption,
 * key strategies. Only an ADMIN changes plans; a MANAGER commits for their own teams and reps.
 */
@Service
public class PlanService {

    private static final YearMonth EARLIEST = YearMonth.of(2000, 1);
    private static final YearMonth LATEST = YearMonth.of(2100, 12);

    private final Plans plans;
    private final PlanPublication publication;
    private final PlanQueries reader;
    private final OrgSnapshots org;
    private final TargetProperties defaults;
    private final OrganisationProperties organisation;
    private final Clock clock;

    PlanService(Plans plans, PlanPublication publication, PlanQueries reader, OrgSnapshots org,
                TargetProperties defaults, OfficialCalendar official, OrganisationProperties organisation, Clock clock) {
        this.plans = plans;
        this.publication = publication;
        this.reader = reader;
        this.org = org;
        this.defaults = defaults.withOfficial(official);
        this.organisation = organisation;
        this.clock = clock;
    }

    /** Decomposes and saves a DRAFT plan. */
    public PlanView create(PlanDraft draft, Caller caller) {
        caller.requireAnyRole(Role.ADMIN);
        Plan plan = draftOf(draft, "pl-" + draft.period() + "-" + draft.metric().name().toLowerCase()
                + "-" + UUID.randomUUID().toString().substring(0, 8), caller);
        Decomposition decomposition = decompose(plan);
        checkStrategies(plan, decomposition);
        plans.create(plan, PlanVersion.first(plan.id(), decomposition));
        return reader.view(plan, decomposition, caller);
    }

    /** Decomposes a plan without saving anything: the what-if. */
    public PlanView preview(PlanDraft draft, Caller caller) {
        caller.requireAnyRole(Role.ADMIN);
        Plan plan = draftOf(draft, null, caller);
        Decomposition decomposition = decompose(plan);
        checkStrategies(plan, decomposition);
        return reader.view(plan, decomposition, caller);
    }

    public List<PlanSummary> list(YearMonth period, Caller caller) {
        caller.requireAnyRole(Role.ADMIN, Role.MANAGER);
        return plans.inPeriod(period).stream()
                .sorted(Comparator.comparing(Plan::metric).thenComparing(Plan::createdAt))
                .map(PlanQueries::summary)
                .toList();
    }

    public PlanView get(String planId, Caller caller) {
        caller.requireAnyRole(Role.ADMIN, Role.MANAGER);
        return reader.view(load(planId), caller);
    }

    /** DRAFT → APPROVED: assigns every node's target and publishes a {@code TargetAssigned} for each. */
    public PlanView approve(String planId, Caller caller) {
        caller.requireAnyRole(Role.ADMIN);
        Plan plan = load(planId);
        if (plan.status() != PlanStatus.DRAFT) {
            throw new ConflictException("status", "plan " + planId + " is already " + plan.status());
        }
        Plan approved = plans.advance(plan.approved(caller.subject(), clock.instant()), null);
        return reader.view(publication.publishNow(approved), caller);
    }

    /** A new version of an approved plan from {@code effectiveFrom}; publishes {@code TargetRevised} per changed node. */
    public PlanView revise(String planId, Revision revision, Caller caller) {
        caller.requireAnyRole(Role.ADMIN);
        Plan plan = load(planId);
        if (!plan.status().isAssigned()) {
            throw new ConflictException("planId", "plan " + planId + " is a DRAFT: only an approved plan can be "
                    + "revised; approve it first, or create a new draft");
        }
        LocalDate effectiveFrom = effectiveFrom(plan, revision.effectiveFrom());
        Levels levels = revision.levels() == null ? plan.rules().levels() : levels(revision.levels());
        Map<NodeKey, BigDecimal> changes = new LinkedHashMap<>();
        if (revision.total() != null || revision.levels() != null) {
            changes.put(NodeKey.COMPANY, revision.total() == null ? plan.total() : scaled("total", revision.total(), plan));
        }
        for (int i = 0; i < revision.changes().size(); i++) {
            Revision.Change change = revision.changes().get(i);
            changes.put(new NodeKey(change.entityType(), change.entityId()),
                    scaled("changes[" + i + "].amount", change.amount(), plan));
        }
        if (changes.isEmpty()) {
            throw new InvalidInputException("changes", "name what to revise: total, levels or changes");
        }
        return replan(plan, changes, levels, effectiveFrom, Plan.VersionKind.REVISED, revision.reason(), caller);
    }

    /** Records a bottom-up commitment; a MANAGER may commit only for their own teams and their reps. */
    public CommitmentView commit(String planId, CommitmentInput input, Caller caller) {
        caller.requireAnyRole(Role.ADMIN, Role.MANAGER);
        Plan plan = load(planId);
        Decomposition decomposition = plans.currentVersion(plan).decomposition();
        NodeKey key = new NodeKey(input.entityType(), input.entityId());
        TargetNode node = decomposition.node(key)
                .filter(found -> found.entityType() != EntityType.PRODUCT_LINE)
                .orElseThrow(() -> new InvalidInputException("entityId", key + " is not a team, region, rep or "
                        + "the company in plan " + planId));
        boolean teamOrRep = node.entityType() == EntityType.TEAM || node.entityType() == EntityType.REP;
        if (!caller.isAdmin() && !(teamOrRep && PlanQueries.visible(node, caller))) {
            throw new AccessDeniedException("a manager commits only for their own teams and their reps");
        }
        Plan.Commitment commitment = new Plan.Commitment(key, scaled("amount", input.amount(), plan),
                caller.subject(), clock.instant());
        plans.update(plan.withCommitment(commitment));
        return new CommitmentView(planId, input.entityType(), input.entityId(), commitment.amount(), node.monthly(),
                commitment.amount().subtract(node.monthly()), commitment.by(), commitment.at());
    }

    /** Settles top-down against bottom-up: a new draft version, or a revision of an assigned plan. */
    public PlanView adopt(String planId, Adoption adoption, Caller caller) {
        caller.requireAnyRole(Role.ADMIN);
        Plan plan = load(planId);
        if (adoption.source() == Adoption.Source.TOP_DOWN) {
            return reader.view(plan, caller);
        }
        if (plan.commitments().isEmpty()) {
            throw new ConflictException("source", "plan " + planId + " has no commitments to adopt");
        }
        BigDecimal weight = adoption.source() == Adoption.Source.BOTTOM_UP ? BigDecimal.ONE : adoption.blend();
        if (weight == null) {
            throw new InvalidInputException("blend", "is required for a BLEND, e.g. 0.5 for half way");
        }
        Decomposition current = plans.currentVersion(plan).decomposition();
        Map<NodeKey, BigDecimal> commitments = plan.commitments().stream()
                .collect(Collectors.toMap(Plan.Commitment::node, Plan.Commitment::amount));
        Map<NodeKey, BigDecimal> changes = new Reconciler(current, commitments)
                .adopted(Reconciler.blend(weight, plan.scale()));
        String reason = adoption.reason() != null ? adoption.reason()
                : "adopted " + adoption.source().name().toLowerCase().replace('_', '-') + " commitments";
        LocalDate from = plan.status().isAssigned() ? effectiveFrom(plan, null) : plan.period().atDay(1);
        return replan(plan, changes, plan.rules().levels(), from, Plan.VersionKind.ADOPTED, reason, caller);
    }

    /** Sets (or, with blank text, clears) the key strategy of a node, shown in the target table. */
    public PlanView strategy(String planId, NodeKey node, String text, Caller caller) {
        caller.requireAnyRole(Role.ADMIN);
        Plan plan = load(planId);
        if (plans.currentVersion(plan).decomposition().node(node).isEmpty()) {
            throw new InvalidInputException("entityId", node + " is not in plan " + planId);
        }
        return reader.view(plans.update(plan.withStrategy(new Plan.Strategy(node, text.strip()))), caller);
    }

    private PlanView replan(Plan plan, Map<NodeKey, BigDecimal> changes, Levels levels, LocalDate effectiveFrom,
                            Plan.VersionKind kind, String reason, Caller caller) {
        Decomposition current = plans.currentVersion(plan).decomposition();
        Decomposition replanned = engine(() ->
                Replanner.replan(current, changes, effectiveFrom, levels, plan.rules().calendar()));
        boolean levelsChanged = !levels.equals(plan.rules().levels());
        if (replanned.nodes().equals(current.nodes()) && !levelsChanged) {
            throw new InvalidInputException("changes", "the targets would stay exactly as they are");
        }
        PlanVersion targets = PlanVersion.next(plan.id(), plan.version() + 1, replanned);
        Plan next = plan.newVersion(kind, targets, plan.rules().withLevels(levels), reason, effectiveFrom,
                caller.subject(), clock.instant());
        plans.advance(next, targets);
        return reader.view(publication.publishNow(next), caller);
    }

    /**
     * The first day a change may apply to: not before today (what is past stays as it was), not outside
     * the period; by default today, or the first day of a period still to come.
     */
    private LocalDate effectiveFrom(Plan plan, LocalDate requested) {
        LocalDate today = LocalDate.now(clock.withZone(organisation.timeZone()));
        LocalDate first = plan.period().atDay(1);
        LocalDate last = plan.period().atEndOfMonth();
        if (today.isAfter(last)) {
            throw new ConflictException("period", plan.period() + " is over; its targets can no longer change");
        }
        LocalDate earliest = today.isBefore(first) ? first : today;
        if (requested == null) {
            return earliest;
        }
        if (requested.isBefore(first) || requested.isAfter(last)) {
            throw new InvalidInputException("effectiveFrom", "must be a day of " + plan.period());
        }
        if (requested.isBefore(earliest)) {
            throw new InvalidInputException("effectiveFrom", "must not be before " + earliest
                    + ": days that are past keep the targets they had");
        }
        return requested;
    }

    private Plan draftOf(PlanDraft draft, String id, Caller caller) {
        YearMonth period = draft.period();
        if (period.isBefore(EARLIEST) || period.isAfter(LATEST)) {
            throw new InvalidInputException("period", "must be between " + EARLIEST + " and " + LATEST);
        }
        String currency = currencyOf(draft);
        Levels levels = draft.levels() == null ? Levels.DEFAULT : levels(draft.levels());
        PlanDraft.CalendarInput calendar = draft.calendar();
        PlanRules rules = new PlanRules(levels,
                draft.allocation() == null ? Allocation.DEFAULT : draft.allocation(),
                calendar == null || calendar.weekend() == null ? defaults.weekend() : calendar.weekend(),
                calendar == null || calendar.holidays() == null ? defaults.holidays() : calendar.holidays(),
                calendar == null || calendar.extraWorkdays() == null ? defaults.extraWorkdays() : calendar.extraWorkdays(),
                draft.rampMonths() == null ? defaults.rampMonths() : draft.rampMonths(),
                draft.history().stream()
                        .map(actual -> new PlanRules.PriorActual(actual.entityType(), actual.entityId(), actual.amount()))
                        .toList());
        List<Plan.Strategy> strategies = draft.strategies().stream()
                .map(strategy -> new Plan.Strategy(new NodeKey(strategy.entityType(), strategy.entityId()),
                        strategy.strategy().strip()))
                .filter(strategy -> !strategy.text().isEmpty())
                .toList();
        Plan plan = Plan.draft(id, draft.name(), period, draft.metric(), draft.total(), currency, rules, strategies,
                caller.subject(), clock.instant());
        scaled("total", draft.total(), plan);
        return plan;
    }

    private String currencyOf(PlanDraft draft) {
        String reporting = organisation.reportingCurrency().getCurrencyCode();
        if (!draft.metric().isMoney()) {
            if (draft.currency() != null) {
                throw new InvalidInputException("currency", "must be empty: " + draft.metric() + " is a count");
            }
            return null;
        }
        if (draft.currency() != null && !draft.currency().equals(reporting)) {
            throw new InvalidInputException("currency", "must be " + reporting
                    + ", the organisation's reporting currency, in which every actual is measured");
        }
        return reporting;
    }

    private Decomposition decompose(Plan plan) {
        PlanRules rules = plan.rules();
        return engine(() -> Decomposer.decompose(new DecompositionRequest(plan.period(), plan.total(), plan.scale(),
                rules.levels(), rules.allocation(), org.snapshot(plan.period()), rules.priorActuals(),
                rules.calendar(), rules.ramp())));
    }

    private static void checkStrategies(Plan plan, Decomposition decomposition) {
        for (int i = 0; i < plan.strategies().size(); i++) {
            NodeKey node = plan.strategies().get(i).node();
            if (decomposition.node(node).isEmpty()) {
                throw new InvalidInputException("strategies[" + i + "].entityId", node + " is not in the plan");
            }
        }
    }

    /** The amount, if it has no more decimals than the metric allows (cents for money, none for counts). */
    private static BigDecimal scaled(String field, BigDecimal amount, Plan plan) {
        if (amount.stripTrailingZeros().scale() > plan.scale()) {
            throw new InvalidInputException(field, plan.metric().isMoney()
                    ? "must have at most 2 decimal places" : "must be a whole number: " + plan.metric() + " is a count");
        }
        return amount.setScale(plan.scale());
    }

    private static Levels levels(PlanDraft.LevelsInput input) {
        return engine(() -> new Levels(input.base(), input.challenge()));
    }

    /** Runs the decomposition engine, turning its complaints into 400s naming the field. */
    private static <T> T engine(Supplier<T> work) {
        try {
            return work.get();
        } catch (DecompositionException e) {
            throw new InvalidInputException(e.field(), e.getMessage());
        }
    }

    private Plan load(String planId) {
        return plans.find(planId).orElseThrow(() -> new NotFoundException("plan", planId));
    }
}
