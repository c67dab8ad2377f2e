package io.quotaflow.incentive.domain;

/** One rule of a plan. */
public sealed interface Rule permits ThresholdRule, CommissionRule, PerUnitRule, RankRule, TeamBonusRule {

    /** Unique within the plan; part of every award id the rule makes. */
    String ruleId();

    RuleType type();
}
