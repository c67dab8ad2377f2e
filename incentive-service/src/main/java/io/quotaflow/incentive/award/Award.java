package io.quotaflow.incentive.award;

import io.quotaflow.incentive.domain.AwardIds;
import io.quotaflow.incentive.domain.IncentivePlan;
import io.quotaflow.incentive.domain.Rule;
import io.quotaflow.incentive.domain.RuleType;

import java.time.YearMonth;

/** An award's identity and what it pays in: fixed for its lifetime. {@code period} is the period it is earned in. */
public record Award(String awardId, String planId, int planVersion, String ruleId, RuleType ruleType, String payeeId,
                    YearMonth period, String tier, String currency) {

    public static Award of(IncentivePlan plan, Rule rule, String payeeId, YearMonth period, String tier,
                           String currency) {
        return new Award(AwardIds.of(plan.planId(), rule.ruleId(), payeeId, period, tier), plan.planId(),
                plan.version(), rule.ruleId(), rule.type(), payeeId, period, tier, currency);
    }

    public String key() {
        return Keys.award(awardId);
    }
}
