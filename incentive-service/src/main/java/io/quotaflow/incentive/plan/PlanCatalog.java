package io.quotaflow.incentive.plan;

import io.quotaflow.incentive.domain.IncentivePlan;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/** The plans in force, each at its latest version, as the awards and the period close read them. */
public interface PlanCatalog {

    /** Every plan, latest versions. */
    List<IncentivePlan> all();

    default List<IncentivePlan> inEffectOn(LocalDate day) {
        return all().stream().filter(plan -> plan.effectiveOn(day)).toList();
    }

    default List<IncentivePlan> inEffectIn(YearMonth period) {
        return all().stream().filter(plan -> plan.effectiveIn(period)).toList();
    }

    default Optional<IncentivePlan> plan(String planId) {
        return all().stream().filter(plan -> plan.planId().equals(planId)).findFirst();
    }
}
