package io.quotaflow.target.decomposition;

import static io.quotaflow.target.decomposition.Decimals.sum;
import static io.quotaflow.target.decomposition.RandomRequests.decomposeOrDiscard;
import static io.quotaflow.target.decomposition.TreeAssertions.assertEveryParentIsTheSumOfItsChildren;
import static io.quotaflow.target.decomposition.TreeAssertions.assertWeeksAndDaysAddUpToTheMonth;
import static org.assertj.core.api.Assertions.assertThat;

import io.quotaflow.testsupport.property.Draw;
import io.quotaflow.testsupport.property.Property;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

class ReplannerPropertyTest {

    @Property(tries = 300)
    void replanningANodeKeepsPastDaysAndSpreadsTheRestExactly(RandomGenerator random) {
        Plan plan = plan(random);
        int day = Draw.between(random, 1, 31);
        long extraUnits = Draw.between(random, 0, 1_000_000_000L);

        TargetNode node = plan.decomposition().company();
        LocalDate effectiveFrom = dayOf(plan.period(), day);
        BigDecimal past = sum(daysBefore(node, effectiveFrom), DailyAmount::amount);
        boolean daysLeft = !plan.calendar().workingDays(effectiveFrom, plan.period().atEndOfMonth()).isEmpty();
        BigDecimal newMonthly = past.add(daysLeft ? BigDecimal.valueOf(extraUnits, plan.scale()) : BigDecimal.ZERO);

        TargetNode replanned = Replanner.replan(node, newMonthly, effectiveFrom, Levels.DEFAULT, plan.calendar(),
                plan.period(), plan.scale());

        assertThat(replanned.monthly()).isEqualByComparingTo(newMonthly);
        assertThat(daysBefore(replanned, effectiveFrom)).isEqualTo(daysBefore(node, effectiveFrom));
        assertThat(sum(daysFrom(replanned, effectiveFrom), DailyAmount::amount))
                .isEqualByComparingTo(newMonthly.subtract(past));
        assertWeeksAndDaysAddUpToTheMonth(replanned);
    }

    @Property(tries = 150)
    void raisingTheCompanyTargetKeepsTheTreeExactAndThePastAsItWas(RandomGenerator random) {
        DecompositionRequest request = RandomRequests.request(random);
        int day = Draw.between(random, 1, 31);
        long extraUnits = Draw.between(random, 0, 1_000_000_000L);

        Decomposition plan = decomposeOrDiscard(request);
        LocalDate effectiveFrom = dayOf(request.period(), day);
        BigDecimal newTotal = request.total().add(BigDecimal.valueOf(extraUnits, request.scale()));
        boolean daysLeft = !request.calendar().workingDays(effectiveFrom, request.period().atEndOfMonth()).isEmpty();

        Decomposition replanned = Replanner.replan(plan, Map.of(NodeKey.COMPANY, daysLeft ? newTotal : request.total()),
                effectiveFrom, request.levels(), request.calendar());

        assertEveryParentIsTheSumOfItsChildren(replanned);
        assertWeeksAndDaysAddUpToTheMonth(replanned);
        assertThat(replanned.nodes()).extracting(TargetNode::key)
                .isEqualTo(plan.nodes().stream().map(TargetNode::key).toList());
        for (TargetNode node : replanned.nodes()) {
            TargetNode before = plan.node(node.key()).orElseThrow();
            assertThat(node.monthly()).isGreaterThanOrEqualTo(before.monthly());
            assertThat(daysBefore(node, effectiveFrom)).isEqualTo(daysBefore(before, effectiveFrom));
        }
    }

    @Property(tries = 150)
    void anyNewTargetKeepsTheTreeExactOrIsRejectedForNotFitting(RandomGenerator random) {
        DecompositionRequest request = RandomRequests.request(random);
        int day = Draw.between(random, 1, 31);
        int nodeIndex = Draw.between(random, 0, 10_000);
        int percentOfCurrent = Draw.between(random, 0, 200);

        Decomposition plan = decomposeOrDiscard(request);
        TargetNode changed = plan.nodes().get(nodeIndex % plan.nodes().size());
        BigDecimal newMonthly = changed.monthly().multiply(BigDecimal.valueOf(percentOfCurrent))
                .movePointLeft(2).setScale(request.scale(), RoundingMode.DOWN);
        LocalDate effectiveFrom = dayOf(request.period(), day);

        try {
            Decomposition replanned = Replanner.replan(plan, Map.of(changed.key(), newMonthly), effectiveFrom,
                    request.levels(), request.calendar());

            assertThat(replanned.node(changed.key()).orElseThrow().monthly()).isEqualByComparingTo(newMonthly);
            assertEveryParentIsTheSumOfItsChildren(replanned);
            assertWeeksAndDaysAddUpToTheMonth(replanned);
            for (TargetNode node : replanned.nodes()) {
                assertThat(daysBefore(node, effectiveFrom))
                        .isEqualTo(daysBefore(plan.node(node.key()).orElseThrow(), effectiveFrom));
            }
        } catch (DecompositionException rejection) {
            assertThat(rejection.field()).isEqualTo("changes.amount");
        }
    }

    /** A company-only plan: the single-node replan does not care where in a tree its node sits. */
    private static Plan plan(RandomGenerator random) {
        YearMonth period = RandomRequests.period(random);
        int scale = Draw.oneOf(random, 0, 2);
        BigDecimal total = RandomRequests.total(random, scale);
        WorkCalendar calendar = RandomRequests.calendar(random, period);
        return new Plan(period, scale, calendar, Decomposer.decompose(new DecompositionRequest(
                period, total, scale, null, null, OrgMother.empty(), null, calendar, null)));
    }

    record Plan(YearMonth period, int scale, WorkCalendar calendar, Decomposition decomposition) {
    }

    private static LocalDate dayOf(YearMonth period, int day) {
        return period.atDay(Math.min(day, period.lengthOfMonth()));
    }

    private static List<DailyAmount> daysBefore(TargetNode node, LocalDate day) {
        return node.daily().stream().filter(daily -> daily.date().isBefore(day)).toList();
    }

    private static List<DailyAmount> daysFrom(TargetNode node, LocalDate day) {
        return node.daily().stream().filter(daily -> !daily.date().isBefore(day)).toList();
    }
}
