package io.quotaflow.target.decomposition;

import static io.quotaflow.target.decomposition.Decimals.sum;
import static io.quotaflow.target.decomposition.RandomRequests.decomposeOrDiscard;
import static io.quotaflow.target.decomposition.TreeAssertions.assertEveryParentIsTheSumOfItsChildren;
import static io.quotaflow.target.decomposition.TreeAssertions.assertWeeksAndDaysAddUpToTheMonth;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class ReplannerPropertyTest {

    @Property(tries = 300)
    void replanningANodeKeepsPastDaysAndSpreadsTheRestExactly(@ForAll("plans") Plan plan,
                                                              @ForAll @IntRange(min = 1, max = 31) int day,
                                                              @ForAll @LongRange(max = 1_000_000_000L) long extraUnits) {
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
    void raisingTheCompanyTargetKeepsTheTreeExactAndThePastAsItWas(
            @ForAll("requests") DecompositionRequest request,
            @ForAll @IntRange(min = 1, max = 31) int day,
            @ForAll @LongRange(max = 1_000_000_000L) long extraUnits) {
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
    void anyNewTargetKeepsTheTreeExactOrIsRejectedForNotFitting(
            @ForAll("requests") DecompositionRequest request,
            @ForAll @IntRange(min = 1, max = 31) int day,
            @ForAll @IntRange(max = 10_000) int nodeIndex,
            @ForAll @IntRange(max = 200) int percentOfCurrent) {
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

    @Provide
    Arbitrary<DecompositionRequest> requests() {
        return RandomRequests.requests();
    }

    /** A company-only plan: the single-node replan does not care where in a tree its node sits. */
    @Provide
    Arbitrary<Plan> plans() {
        return Combinators.combine(RandomRequests.periods(), Arbitraries.of(0, 2)).flatAs((period, scale) ->
                Combinators.combine(RandomRequests.totals(scale), RandomRequests.calendars(period)).as((total, calendar) ->
                        new Plan(period, scale, calendar, Decomposer.decompose(new DecompositionRequest(
                                period, total, scale, null, null, OrgMother.empty(), null, calendar, null)))));
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
