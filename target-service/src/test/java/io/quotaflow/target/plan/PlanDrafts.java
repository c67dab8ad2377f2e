package io.quotaflow.target.plan;

import io.quotaflow.events.TargetMetric;
import io.quotaflow.target.decomposition.Allocation;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/** Plan requests for tests: a valid default, and withers to break one thing at a time. */
final class PlanDrafts {

    /** February 2027: four whole ISO weeks, twenty working days. */
    static final YearMonth FEBRUARY_2027 = YearMonth.of(2027, 2);

    private PlanDrafts() {
    }

    static PlanDraft revenue(String total) {
        return new PlanDraft("Test revenue plan", FEBRUARY_2027, TargetMetric.REVENUE, new BigDecimal(total), "CNY",
                null, null, null, null, null, null);
    }

    static PlanDraft calls(String total) {
        return new PlanDraft("Test calls plan", FEBRUARY_2027, TargetMetric.CALLS, new BigDecimal(total), null,
                null, null, null, null, null, null);
    }

    static PlanDraft withAllocation(PlanDraft draft, Allocation allocation) {
        return new PlanDraft(draft.name(), draft.period(), draft.metric(), draft.total(), draft.currency(),
                draft.levels(), allocation, draft.calendar(), draft.rampMonths(), draft.history(), draft.strategies());
    }

    static PlanDraft withCurrency(PlanDraft draft, String currency) {
        return new PlanDraft(draft.name(), draft.period(), draft.metric(), draft.total(), currency,
                draft.levels(), draft.allocation(), draft.calendar(), draft.rampMonths(), draft.history(),
                draft.strategies());
    }

    static PlanDraft withLevels(PlanDraft draft, String base, String challenge) {
        return new PlanDraft(draft.name(), draft.period(), draft.metric(), draft.total(), draft.currency(),
                new PlanDraft.LevelsInput(new BigDecimal(base), new BigDecimal(challenge)), draft.allocation(),
                draft.calendar(), draft.rampMonths(), draft.history(), draft.strategies());
    }

    static PlanDraft withStrategies(PlanDraft draft, List<PlanDraft.StrategyInput> strategies) {
        return new PlanDraft(draft.name(), draft.period(), draft.metric(), draft.total(), draft.currency(),
                draft.levels(), draft.allocation(), draft.calendar(), draft.rampMonths(), draft.history(), strategies);
    }

    static PlanDraft inPeriod(PlanDraft draft, YearMonth period) {
        return new PlanDraft(draft.name(), period, draft.metric(), draft.total(), draft.currency(),
                draft.levels(), draft.allocation(), draft.calendar(), draft.rampMonths(), draft.history(),
                draft.strategies());
    }
}
