package io.quotaflow.incentive.domain;

import io.quotaflow.events.TargetMetric;
import io.quotaflow.incentive.fixtures.PlanDrafts;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

class WhatIfTest {

    static final YearMonth JANUARY = YearMonth.of(2027, 1);
    static final IncentivePlan PLAN = new PlanValidator("CNY").validate("january", 1, PlanDrafts.plan(JANUARY,
            PlanDrafts.commission("commission", "REVENUE", "CLOSE", null, PlanDrafts.band("0", "1.0", "0.03"),
                    PlanDrafts.band("1.0", null, "0.05")),
            PlanDrafts.thresholds("levels", "REVENUE", PlanDrafts.tier("0.8", "2000.00"), PlanDrafts.tier("1.0", "3000.00")),
            PlanDrafts.perUnit("cloud-spiff", "DEAL", "300.00", "pl-cloud", null, null, null),
            PlanDrafts.perUnit("new-customer", "NEW_CUSTOMER", "500.00", null, null, null, null),
            PlanDrafts.rank("top-seller", "REVENUE", null, "5000.00")), List.of()).plan();

    /** At 90,000 of 100,000, the 80 % bonus already paid. */
    static WhatIf.Situation at90Percent(boolean activityMet) {
        WhatIf.Standing revenue = new WhatIf.Standing(new BigDecimal("90000.00"), new BigDecimal("100000.00"));
        return new WhatIf.Situation(JANUARY, Map.of(TargetMetric.REVENUE, revenue), Map.of(TargetMetric.REVENUE, revenue),
                Set.of("levels|0.8"), 31, activityMet);
    }

    @Test
    void shouldEstimateWhatEachRulePaysForOneMoreDeal() {
        WhatIf.Deal deal = new WhatIf.Deal(new BigDecimal("20000.00"), null, "pl-cloud", null, JANUARY.atDay(25), true);

        List<WhatIf.Estimate> estimates = WhatIf.estimate(PLAN, at90Percent(true), deal);

        assertThat(estimates).extracting(WhatIf.Estimate::ruleId, e -> e.amount().toPlainString()).containsExactly(
                tuple("commission", "800.00"),   // 3,500.00 on 110,000 − 2,700.00 on 90,000
                tuple("levels", "3000.00"),      // 100 % newly reached; 80 % was paid
                tuple("cloud-spiff", "300.00"),
                tuple("new-customer", "500.00"));
    }

    @Test
    void shouldEstimateNothingForAnUnmatchedDealBelowTheNextTier() {
        WhatIf.Deal deal = new WhatIf.Deal(new BigDecimal("5000.00"), null, "pl-hardware", null, LocalDate.of(2027, 1, 25),
                false);

        List<WhatIf.Estimate> estimates = WhatIf.estimate(PLAN, at90Percent(false), deal);

        assertThat(estimates).singleElement().satisfies(estimate -> {
            assertThat(estimate.amount()).isEqualByComparingTo("150.00");
            assertThat(estimate.explanation()).contains("held until the minimum activity is met");
        });
    }
}
