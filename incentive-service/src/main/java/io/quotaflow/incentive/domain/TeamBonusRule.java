package io.quotaflow.incentive.domain;

import io.quotaflow.events.TargetMetric;

import java.math.BigDecimal;

/**
 * At period close, a team whose attainment of {@code metric} is at or above {@code level} pays either
 * {@code amountPerMember} to each member or a {@code pool} split by the members' contributions.
 */
public record TeamBonusRule(String ruleId, TargetMetric metric, BigDecimal level, BigDecimal amountPerMember,
                            BigDecimal pool) implements Rule {

    @Override
    public RuleType type() {
        return RuleType.TEAM_BONUS;
    }

    public boolean isPool() {
        return pool != null;
    }
}
