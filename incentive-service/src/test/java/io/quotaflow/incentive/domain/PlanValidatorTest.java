package io.quotaflow.incentive.domain;

import io.quotaflow.events.TargetMetric;
import io.quotaflow.incentive.fixtures.PlanDrafts;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static io.quotaflow.incentive.fixtures.PlanDrafts.band;
import static io.quotaflow.incentive.fixtures.PlanDrafts.commission;
import static io.quotaflow.incentive.fixtures.PlanDrafts.perUnit;
import static io.quotaflow.incentive.fixtures.PlanDrafts.rank;
import static io.quotaflow.incentive.fixtures.PlanDrafts.teamBonus;
import static io.quotaflow.incentive.fixtures.PlanDrafts.threshold;
import static io.quotaflow.incentive.fixtures.PlanDrafts.thresholds;
import static io.quotaflow.incentive.fixtures.PlanDrafts.tier;
import static org.assertj.core.api.Assertions.assertThat;

class PlanValidatorTest {

    static final YearMonth JANUARY = YearMonth.of(2027, 1);
    final PlanValidator validator = new PlanValidator("CNY");

    @Test
    void shouldBuildTheApiExamplePlan() {
        PlanDraft draft = PlanDrafts.plan(JANUARY,
                threshold("base-bonus", "REVENUE", "0.8", "2000.00"),
                commission("commission", "REVENUE", "CLOSE", "50000.00", band("0.0", "1.0", "0.03"), band("1.0", null, "0.05")),
                perUnit("new-customer", "NEW_CUSTOMER", "500.00", null, null, null, null),
                rank("top-seller", "REVENUE", null, "5000.00", "2000.00"),
                teamBonus("team-bonus", "REVENUE", "1.0", "1000.00", null));

        PlanValidator.Result result = validator.validate("january", 1, draft, List.of());

        assertThat(result.violations()).isEmpty();
        IncentivePlan plan = result.plan();
        assertThat(plan.rules()).extracting(Rule::type).containsExactly(RuleType.THRESHOLD, RuleType.TIERED_COMMISSION,
                RuleType.PER_UNIT, RuleType.RANK, RuleType.TEAM_BONUS);
        assertThat(plan.rules(RankRule.class).get(0).tieRule()).isEqualTo(TieRule.SPLIT);
        assertThat(plan.rules(CommissionRule.class).get(0).payOn()).isEqualTo(PayOn.CLOSE);
        assertThat(plan.eligibility().pays(PayeeRole.REP)).isTrue();
        assertThat(plan.currency()).isEqualTo("CNY");
    }

    @Test
    void shouldNameEveryBadFieldOfAPlanInOneAnswer() {
        PlanDraft draft = new PlanDraft(" ", null, null, "yen", null, List.of(
                threshold("a", "HAPPINESS", "-0.8", "2000.001"),
                commission("a", "CALLS", "LATER", null)));

        PlanValidator.Result result = validator.validate("p 1", 1, draft, List.of());

        assertThat(result.valid()).isFalse();
        assertThat(result.violations()).extracting(Violation::field).contains("planId", "name", "effectiveFrom",
                "currency", "rules[0].metric", "rules[0].level", "rules[0].amount", "rules[1].ruleId",
                "rules[1].metric", "rules[1].payOn", "rules[1].bands");
    }

    @Test
    void shouldRefuseOverlappingEffectiveDatesForTheSamePayees() {
        IncentivePlan january = validator.validate("january", 1, PlanDrafts.plan(JANUARY,
                threshold("base", "REVENUE", "0.8", "2000.00")), List.of()).plan();
        PlanDraft overlapping = PlanDrafts.withDates(PlanDrafts.plan(JANUARY, threshold("base", "REVENUE", "0.8", "1.00")),
                LocalDate.of(2027, 1, 31), null);

        PlanValidator.Result result = validator.validate("february", 1, overlapping, List.of(january));

        assertThat(result.violations()).extracting(Violation::field).containsExactly("effectiveFrom");
        assertThat(result.violations().get(0).message()).contains("january");
    }

    @Test
    void shouldAcceptPlansForTheSameDatesButDifferentTeamsOrFollowingEachOther() {
        PlanDraft east = PlanDrafts.withEligibility(PlanDrafts.plan(JANUARY, threshold("base", "REVENUE", "0.8", "1.00")),
                new PlanDraft.EligibilityDraft(null, List.of("t-east"), null, null));
        IncentivePlan eastPlan = validator.validate("east", 1, east, List.of()).plan();
        PlanDraft west = PlanDrafts.withEligibility(PlanDrafts.plan(JANUARY, threshold("base", "REVENUE", "0.8", "1.00")),
                new PlanDraft.EligibilityDraft(null, List.of("t-west"), null, null));
        PlanDraft february = PlanDrafts.plan(JANUARY.plusMonths(1), threshold("base", "REVENUE", "0.8", "1.00"));

        assertThat(validator.validate("west", 1, west, List.of(eastPlan)).violations()).isEmpty();
        assertThat(validator.validate("february", 1, february, List.of(eastPlan)).violations()).isEmpty();
    }

    @Test
    void shouldTakeANewVersionOfTheSamePlanOverItsOwnDates() {
        IncentivePlan v1 = validator.validate("january", 1, PlanDrafts.plan(JANUARY,
                threshold("base", "REVENUE", "0.8", "2000.00")), List.of()).plan();

        assertThat(validator.validate("january", 2, PlanDrafts.plan(JANUARY,
                threshold("base", "REVENUE", "0.8", "2500.00")), List.of(v1)).violations()).isEmpty();
    }

    @Test
    void shouldRefuseTiersOutOfOrderAndBandsThatOverlap() {
        PlanDraft draft = PlanDrafts.plan(JANUARY,
                thresholds("levels", "REVENUE", tier("1.0", "3000.00"), tier("0.8", "2000.00")),
                commission("commission", "REVENUE", "CLOSE", null, band("0", "1.0", "0.03"), band("0.9", null, "0.05")));

        assertThat(validator.validate("p", 1, draft, List.of()).violations()).extracting(Violation::field)
                .containsExactly("rules[0].tiers[1].level", "rules[1].bands[1].from");
    }

    @Test
    void shouldRefuseAFieldTheRuleTypeDoesNotUse() {
        PlanDraft.RuleDraft withCap = new PlanDraft.RuleDraft("base", "THRESHOLD", "REVENUE", BigDecimal.ONE,
                new BigDecimal("100.00"), null, null, null, new BigDecimal("10.00"), null, null, null, null, null, null,
                null, null, null);

        assertThat(validator.validate("p", 1, PlanDrafts.plan(JANUARY, withCap), List.of()).violations())
                .extracting(Violation::field, Violation::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("rules[0].cap", "is not used by a THRESHOLD rule"));
    }

    @Test
    void shouldNormaliseAmountsAndLevels() {
        IncentivePlan plan = validator.validate("p", 1, PlanDrafts.plan(JANUARY,
                threshold("base", "REVENUE", "0.80", "2000")), List.of()).plan();

        ThresholdRule.Tier tier = plan.rules(ThresholdRule.class).get(0).tiers().get(0);
        assertThat(tier.amount().toPlainString()).isEqualTo("2000.00");
        assertThat(tier.level().toPlainString()).isEqualTo("0.8");
        assertThat(plan.rules(ThresholdRule.class).get(0).metric()).isEqualTo(TargetMetric.REVENUE);
    }
}
