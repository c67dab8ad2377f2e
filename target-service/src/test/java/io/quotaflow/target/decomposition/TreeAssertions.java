package io.quotaflow.target.decomposition;

import static io.quotaflow.target.decomposition.Decimals.sum;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The invariants every decomposition keeps, as assertions. */
final class TreeAssertions {

    private TreeAssertions() {
    }

    /** Monthly, base and challenge of every parent equal the sums of its children's, per kind of child. */
    static void assertEveryParentIsTheSumOfItsChildren(Decomposition decomposition) {
        for (TargetNode parent : decomposition.nodes()) {
            Map<EntityType, List<TargetNode>> childrenByType = decomposition.children(parent.key()).stream()
                    .collect(Collectors.groupingBy(TargetNode::entityType));
            childrenByType.forEach((type, children) -> {
                assertSumOf(children, TargetNode::monthly, parent.monthly(), "monthly", parent, type);
                assertSumOf(children, TargetNode::base, parent.base(), "base", parent, type);
                assertSumOf(children, TargetNode::challenge, parent.challenge(), "challenge", parent, type);
            });
        }
    }

    /** Every node's weeks and days add up to its monthly target, and each week's days to the week. */
    static void assertWeeksAndDaysAddUpToTheMonth(Decomposition decomposition) {
        decomposition.nodes().forEach(TreeAssertions::assertWeeksAndDaysAddUpToTheMonth);
    }

    static void assertWeeksAndDaysAddUpToTheMonth(TargetNode node) {
        assertThat(sum(node.weekly(), WeeklyAmount::amount)).as("weeks of %s", node.key())
                .isEqualByComparingTo(node.monthly());
        assertThat(sum(node.daily(), DailyAmount::amount)).as("days of %s", node.key())
                .isEqualByComparingTo(node.monthly());
        for (WeeklyAmount week : node.weekly()) {
            List<DailyAmount> daysOfWeek = node.daily().stream()
                    .filter(day -> !day.date().isBefore(week.from()) && !day.date().isAfter(week.to()))
                    .toList();
            assertThat(sum(daysOfWeek, DailyAmount::amount)).as("days of %s in %s", node.key(), week.week())
                    .isEqualByComparingTo(week.amount());
        }
    }

    private static void assertSumOf(List<TargetNode> children, Function<TargetNode, BigDecimal> amount,
                                    BigDecimal expected, String what, TargetNode parent, EntityType type) {
        assertThat(sum(children, amount)).as("%s of the %s children of %s", what, type, parent.key())
                .isEqualByComparingTo(expected);
    }
}
