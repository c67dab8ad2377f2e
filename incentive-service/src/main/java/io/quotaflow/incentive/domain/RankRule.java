package io.quotaflow.incentive.domain;

import io.quotaflow.events.TargetMetric;

import java.math.BigDecimal;
import java.util.List;

/** At period close, the top {@code amounts.size()} reps on {@code metric} get the amount of their place. */
public record RankRule(String ruleId, TargetMetric metric, List<BigDecimal> amounts, TieRule tieRule) implements Rule {

    public RankRule {
        amounts = List.copyOf(amounts);
    }

    @Override
    public RuleType type() {
        return RuleType.RANK;
    }
}
