package io.quotaflow.incentive.plan;

import io.quotaflow.incentive.domain.IncentivePlan;
import io.quotaflow.incentive.domain.PlanValidator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * The stored plans, read whole (a company has a handful) and kept for {@link PlanProperties#cacheTtl()}. A stored
 * plan was valid when saved; one that no longer reads as valid (a rule tightened since) is left out and logged.
 */
@Component
class StoredPlanCatalog implements PlanCatalog {

    private static final Logger log = LoggerFactory.getLogger(StoredPlanCatalog.class);

    private final Plans plans;
    private final PlanValidator validator;
    private final long ttlNanos;
    private volatile Snapshot snapshot;

    StoredPlanCatalog(Plans plans, PlanValidator validator, PlanProperties properties) {
        this.plans = plans;
        this.validator = validator;
        this.ttlNanos = properties.cacheTtl().toNanos();
    }

    private record Snapshot(List<IncentivePlan> plans, long readAt) {
    }

    @Override
    public List<IncentivePlan> all() {
        Snapshot current = snapshot;
        if (current == null || System.nanoTime() - current.readAt() > ttlNanos) {
            current = new Snapshot(read(), System.nanoTime());
            snapshot = current;
        }
        return current.plans();
    }

    /** Forgets what was read, so the next question reads the plans again. */
    void invalidate() {
        snapshot = null;
    }

    private List<IncentivePlan> read() {
        List<IncentivePlan> result = new ArrayList<>();
        for (StoredPlan stored : plans.latest()) {
            PlanValidator.Result plan = validator.validate(stored.planId(), stored.version(), stored.draft(), List.of());
            if (plan.valid()) {
                result.add(plan.plan());
            } else {
                log.warn("Stored plan {} v{} is no longer valid and is not applied: {}", stored.planId(),
                        stored.version(), plan.violations());
            }
        }
        return List.copyOf(result);
    }
}
