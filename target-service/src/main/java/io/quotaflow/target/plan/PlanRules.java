package io.quotaflow.target.plan;

import io.quotaflow.target.decomposition.Allocation;
import io.quotaflow.target.decomposition.EntityType;
import io.quotaflow.target.decomposition.History;
import io.quotaflow.target.decomposition.Levels;
import io.quotaflow.target.decomposition.RampPolicy;
import io.quotaflow.target.decomposition.WorkCalendar;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How a plan was decomposed: its levels, allocation methods, working calendar, ramp and the prior
 * actuals it weighed by. Stored with the plan so that revisions re-plan by the same rules.
 */
public record PlanRules(
        Levels levels,
        Allocation allocation,
        Set<DayOfWeek> weekend,
        Set<LocalDate> holidays,
        Set<LocalDate> extraWorkdays,
        int rampMonths,
        List<PriorActual> history) {

    public PlanRules {
        history = history == null ? List.of() : List.copyOf(history);
    }

    public WorkCalendar calendar() {
        return new WorkCalendar(weekend, holidays, extraWorkdays);
    }

    public RampPolicy ramp() {
        return new RampPolicy(rampMonths);
    }

    public History priorActuals() {
        return new History(actualsOf(EntityType.PRODUCT_LINE), actualsOf(EntityType.REGION),
                actualsOf(EntityType.TEAM), actualsOf(EntityType.REP));
    }

    PlanRules withLevels(Levels newLevels) {
        return new PlanRules(newLevels, allocation, weekend, holidays, extraWorkdays, rampMonths, history);
    }

    private Map<String, BigDecimal> actualsOf(EntityType type) {
        return history.stream().filter(actual -> actual.entityType() == type)
                .collect(Collectors.toMap(PriorActual::entityId, PriorActual::amount, (first, second) -> second));
    }

    /** Last period's actual of one entity (a list, because entity ids may contain dots, which MongoDB keys may not). */
    public record PriorActual(EntityType entityType, String entityId, BigDecimal amount) {
    }
}
