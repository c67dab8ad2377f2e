package io.quotaflow.target.decomposition;

import static io.quotaflow.target.decomposition.Decimals.decimal;
import static io.quotaflow.target.decomposition.EntityType.PRODUCT_LINE;
import static io.quotaflow.target.decomposition.EntityType.REGION;
import static io.quotaflow.target.decomposition.EntityType.REP;
import static io.quotaflow.target.decomposition.EntityType.TEAM;
import static io.quotaflow.target.decomposition.Nodes.monthlyOf;
import static io.quotaflow.target.decomposition.Nodes.node;
import static io.quotaflow.target.decomposition.Rejections.assertRejectedOn;
import static io.quotaflow.target.decomposition.RequestBuilder.FEBRUARY_2027;
import static io.quotaflow.target.decomposition.RequestBuilder.aRequest;
import static io.quotaflow.target.decomposition.TreeAssertions.assertEveryParentIsTheSumOfItsChildren;
import static io.quotaflow.target.decomposition.TreeAssertions.assertWeeksAndDaysAddUpToTheMonth;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import io.quotaflow.target.decomposition.Allocation.RegionMethod;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * February 2027 as planned by default: 3,000,000.00 at 150,000.00 a working day, regions shared
 * evenly so East's team has 1,500,000.00 for Anna (375,000.00), Ben (375,000.00) and Carl (750,000.00).
 */
class ReplannerTest {

    private static final LocalDate MONDAY_15TH = FEBRUARY_2027.atDay(15);
    private static final LocalDate SATURDAY_27TH = FEBRUARY_2027.atDay(27);

    private final Decomposition plan = Decomposer.decompose(
            aRequest().allocation(Allocation.DEFAULT.withRegions(RegionMethod.EVEN)).build());

    @Nested
    class OneNode {

        private final TargetNode company = plan.company();

        @Test
        void shouldKeepPastDaysWhenReplanningMidMonth() {
            // when
            TargetNode replanned = replan(company, "3300000.00", MONDAY_15TH);

            // then
            assertThat(pastDays(replanned)).isEqualTo(pastDays(company));
        }

        @Test
        void shouldSpreadTheRestOverTheWorkingDaysLeft() {
            // when 1,500,000.00 is done by the 15th, leaving 1,800,000.00 for ten days
            TargetNode replanned = replan(company, "3300000.00", MONDAY_15TH);

            // then
            assertThat(replanned.monthly()).isEqualTo(decimal("3300000.00"));
            assertThat(replanned.daily()).hasSize(20)
                    .filteredOn(day -> !day.date().isBefore(MONDAY_15TH))
                    .extracting(DailyAmount::amount).hasSize(10).containsOnly(decimal("180000.00"));
        }

        @Test
        void shouldRecomputeWeeksFromTheDays() {
            // when
            TargetNode replanned = replan(company, "3300000.00", MONDAY_15TH);

            // then
            assertThat(replanned.weekly()).extracting(WeeklyAmount::amount).containsExactly(
                    decimal("750000.00"), decimal("750000.00"), decimal("900000.00"), decimal("900000.00"));
            assertWeeksAndDaysAddUpToTheMonth(replanned);
        }

        @Test
        void shouldSetBaseAndChallengeFromTheLevels() {
            // when
            TargetNode replanned = replan(company, "3300000.00", MONDAY_15TH);

            // then
            assertThat(replanned.base()).isEqualTo(decimal("2640000.00"));
            assertThat(replanned.challenge()).isEqualTo(decimal("3960000.00"));
        }

        @Test
        void shouldKeepTheNodesPlaceAndWeight() {
            // given
            TargetNode carl = node(plan, REP, "carl");

            // when
            TargetNode replanned = replan(carl, "800000.00", MONDAY_15TH);

            // then
            assertThat(replanned.key()).isEqualTo(carl.key());
            assertThat(replanned.parentKey()).isEqualTo(carl.parentKey());
            assertThat(replanned.weight()).isEqualTo(carl.weight());
        }

        @Test
        void shouldRejectANewTargetBelowWhatPastDaysAlreadyAccountFor() {
            assertRejectedOn("changes.amount", () -> replan(company, "1000000.00", MONDAY_15TH))
                    .withMessageContaining("already account for 1500000.00");
        }

        @Test
        void shouldRejectAChangeWhenNoWorkingDaysAreLeft() {
            assertRejectedOn("changes.amount", () -> replan(company, "3100000.00", SATURDAY_27TH))
                    .withMessageContaining("no working days are left");
        }

        @Test
        void shouldAcceptWhatPastDaysAlreadyAccountForWhenNoWorkingDaysAreLeft() {
            // when
            TargetNode replanned = replan(company, "3000000.00", SATURDAY_27TH);

            // then
            assertThat(replanned.daily()).isEqualTo(company.daily());
        }

        @Test
        void shouldRejectAnEffectiveDayOutsideThePeriod() {
            LocalDate lastDayOfJanuary = FEBRUARY_2027.atDay(1).minusDays(1);

            assertRejectedOn("changes.effectiveFrom", () -> replan(company, "3300000.00", lastDayOfJanuary));
        }

        @Test
        void shouldRejectANegativeNewTarget() {
            assertRejectedOn("changes.amount", () -> replan(company, "-1.00", MONDAY_15TH));
        }

        @Test
        void shouldRejectANewTargetFinerThanTheScale() {
            assertRejectedOn("changes.amount", () -> replan(company, "3300000.001", MONDAY_15TH));
        }

        private TargetNode replan(TargetNode node, String newMonthly, LocalDate effectiveFrom) {
            return Replanner.replan(node, decimal(newMonthly), effectiveFrom, Levels.DEFAULT, WorkCalendar.STANDARD,
                    FEBRUARY_2027, 2);
        }
    }

    @Nested
    class WholeDecomposition {

        @Test
        void shouldShareARaisedCompanyTargetOutByCurrentTargets() {
            // when
            Decomposition replanned = replan(Map.of(NodeKey.COMPANY, "3300000.00"), FEBRUARY_2027.atDay(1));

            // then everything grows by 10 %
            assertThat(monthlyOf(replanned, PRODUCT_LINE)).containsExactly(
                    entry("hardware", decimal("825000.00")),
                    entry("services", decimal("825000.00")),
                    entry("software", decimal("1650000.00")));
            assertThat(monthlyOf(replanned, TEAM))
                    .containsExactly(entry("east-1", decimal("1650000.00")), entry("west-1", decimal("1650000.00")));
            assertThat(node(replanned, REP, "carl").monthly()).isEqualTo(decimal("825000.00"));
            assertThat(replanned.company().base()).isEqualTo(decimal("2640000.00"));
            assertEveryParentIsTheSumOfItsChildren(replanned);
        }

        @Test
        void shouldLetTeamMatesMakeUpForOneRepsNewTarget() {
            // when Carl's target drops by 150,000.00
            Decomposition replanned = replan(Map.of(rep("carl"), "600000.00"), MONDAY_15TH);

            // then Anna and Ben take 75,000.00 each; the team's target stays
            assertThat(replanned.children(TEAM, "east-1")).extracting(TargetNode::entityId, TargetNode::monthly)
                    .containsExactly(
                            tuple("anna", decimal("450000.00")),
                            tuple("ben", decimal("450000.00")),
                            tuple("carl", decimal("600000.00")));
            assertThat(node(replanned, TEAM, "east-1")).isEqualTo(node(plan, TEAM, "east-1"));
        }

        @Test
        void shouldShareBaseAndChallengeOfChangedChildrenByTheirNewTargets() {
            // when
            Decomposition replanned = replan(Map.of(rep("carl"), "600000.00"), MONDAY_15TH);

            // then East's 1,200,000.00 base goes 450 : 450 : 600
            TargetNode carl = node(replanned, REP, "carl");
            assertThat(carl.base()).isEqualTo(decimal("480000.00"));
            assertThat(carl.challenge()).isEqualTo(decimal("720000.00"));
            assertEveryParentIsTheSumOfItsChildren(replanned);
        }

        @Test
        void shouldKeepNodesWhoseAmountsDoNotChange() {
            // when
            Decomposition replanned = replan(Map.of(rep("carl"), "600000.00"), MONDAY_15TH);

            // then
            List<TargetNode> untouched = plan.nodes().stream()
                    .filter(node -> !node.parentKey().equals(Optional.of(new NodeKey(TEAM, "east-1"))))
                    .toList();
            assertThat(replanned.nodes()).containsAll(untouched);
        }

        @Test
        void shouldKeepPastDaysOfEveryNode() {
            // when
            Decomposition replanned = replan(Map.of(NodeKey.COMPANY, "3300000.00"), MONDAY_15TH);

            // then
            assertThat(replanned.nodes()).allSatisfy(node ->
                    assertThat(pastDays(node)).isEqualTo(pastDays(node(plan, node.entityType(), node.entityId()))));
            assertWeeksAndDaysAddUpToTheMonth(replanned);
        }

        @Test
        void shouldLetTheCompanyAndARegionChangeTogether() {
            // when the company grows by what West is given on top
            Decomposition replanned = replan(
                    Map.of(NodeKey.COMPANY, "3300000.00", new NodeKey(REGION, "west"), "1800000.00"),
                    FEBRUARY_2027.atDay(1));

            // then East keeps its target
            assertThat(monthlyOf(replanned, REGION))
                    .containsExactly(entry("east", decimal("1500000.00")), entry("west", decimal("1800000.00")));
            assertEveryParentIsTheSumOfItsChildren(replanned);
        }

        @Test
        void shouldRejectNewTargetsUnderANodeAddingUpToMoreThanIt() {
            assertRejectedOn("changes.amount",
                    () -> replan(Map.of(rep("anna"), "1000000.00", rep("ben"), "1000000.00"), MONDAY_15TH))
                    .withMessageContaining("team east-1");
        }

        @Test
        void shouldRejectNewTargetsForEveryChildThatDoNotAddUpToTheParent() {
            assertRejectedOn("changes.amount", () -> replan(
                    Map.of(rep("anna"), "375000.00", rep("ben"), "375000.00", rep("carl"), "700000.00"), MONDAY_15TH));
        }

        @Test
        void shouldRejectANodeNotInTheDecomposition() {
            assertRejectedOn("changes.entityId", () -> replan(Map.of(rep("nobody"), "1.00"), MONDAY_15TH))
                    .withMessageContaining("rep nobody");
        }

        private Decomposition replan(Map<NodeKey, String> newMonthly, LocalDate effectiveFrom) {
            Map<NodeKey, BigDecimal> changes = new HashMap<>();
            newMonthly.forEach((node, amount) -> changes.put(node, decimal(amount)));
            return Replanner.replan(plan, changes, effectiveFrom, Levels.DEFAULT, WorkCalendar.STANDARD);
        }

        private static NodeKey rep(String id) {
            return new NodeKey(REP, id);
        }
    }

    private static List<DailyAmount> pastDays(TargetNode node) {
        return node.daily().stream().filter(day -> day.date().isBefore(MONDAY_15TH)).toList();
    }
}
