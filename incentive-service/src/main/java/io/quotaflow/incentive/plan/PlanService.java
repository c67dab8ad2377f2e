package io.quotaflow.incentive.plan;

import io.quotaflow.incentive.domain.IncentivePlan;
import io.quotaflow.incentive.domain.PlanDraft;
import io.quotaflow.incentive.domain.PlanValidator;
import io.quotaflow.platform.security.Caller;
import io.quotaflow.platform.security.Role;
import io.quotaflow.web.FieldProblem;
import io.quotaflow.web.InvalidInputException;
import io.quotaflow.platform.web.NotFoundException;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;

/**
 * Storing and reading plans. A plan is validated whole — its own fields and its effective dates against every other
 * plan for the same payees — and stored as a new version only when nothing is wrong; saving the same plan again
 * stores nothing.
 */
@Service
public class PlanService {

    private final Plans plans;
    private final PlanValidator validator;
    private final StoredPlanCatalog catalog;
    private final Clock clock;

    PlanService(Plans plans, PlanValidator validator, StoredPlanCatalog catalog, Clock clock) {
        this.plans = plans;
        this.validator = validator;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** What a save did: the version now in force, and whether it is new. */
    public record Saved(PlanView plan, boolean created, boolean changed) {
    }

    public Saved put(String planId, PlanDraft draft, Caller caller) {
        caller.requireAnyRole(Role.ADMIN);
        StoredPlan current = plans.latest(planId).orElse(null);
        int next = current == null ? 1 : current.version() + 1;
        List<IncentivePlan> others = catalog.all();
        PlanValidator.Result result = validator.validate(planId, next, draft, others);
        if (!result.valid()) {
            throw new InvalidInputException(result.violations().stream()
                    .map(violation -> new FieldProblem(violation.field(), violation.message())).toList());
        }
        if (current != null && sameRules(current, result.plan())) {
            return new Saved(PlanView.of(current), false, false);
        }
        StoredPlan stored = new StoredPlan(planId, planId, next, draft, clock.instant(), caller.subject());
        plans.store(stored, current);
        catalog.invalidate();
        return new Saved(PlanView.of(stored), current == null, true);
    }

    public PlanView get(String planId, Caller caller) {
        requireReader(caller);
        return plans.latest(planId).map(PlanView::of).orElseThrow(() -> notFound(planId));
    }

    public PlanView version(String planId, int version, Caller caller) {
        requireReader(caller);
        return plans.version(planId, version).map(PlanView::of)
                .orElseThrow(() -> new NotFoundException("incentive plan version", planId + "@v" + version));
    }

    public List<PlanView> list(Caller caller) {
        requireReader(caller);
        return plans.latest().stream().map(PlanView::of).sorted(Comparator.comparing(PlanView::planId)).toList();
    }

    /** Reps and managers may read plans (what they are paid by); integrations may not. */
    private static void requireReader(Caller caller) {
        caller.requireAnyRole(Role.ADMIN, Role.MANAGER, Role.REP);
    }

    private boolean sameRules(StoredPlan current, IncentivePlan next) {
        PlanValidator.Result stored = validator.validate(current.planId(), next.version(), current.draft(), List.of());
        return stored.valid() && stored.plan().equals(next);
    }

    private static NotFoundException notFound(String planId) {
        return new NotFoundException("incentive plan", planId);
    }
}
