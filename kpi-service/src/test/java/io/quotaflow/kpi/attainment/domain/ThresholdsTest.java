package io.quotaflow.kpi.attainment.domain;

import io.quotaflow.events.TargetMetric;
import io.quotaflow.events.kpi.AttainmentChanged.Direction;
import io.quotaflow.events.kpi.AttainmentLevel;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ThresholdsTest {

    private static final TargetPlan PLAN = new TargetPlan(TargetMetric.REVENUE, new BigDecimal("100000.00"),
            new BigDecimal("80000.00"), new BigDecimal("120000.00"), "CNY", new TreeMap<>(), Map.of());
    private final Thresholds thresholds = Thresholds.defaults();

    @Test
    void shouldReachFiftyPercentBaseTargetAndChallengeAtTheirAmounts() {
        assertThat(thresholds.reached(new BigDecimal("49999.99"), PLAN)).isEmpty();
        assertThat(thresholds.reached(new BigDecimal("50000.00"), PLAN)).containsExactly("0.5");
        assertThat(thresholds.reached(new BigDecimal("80000.00"), PLAN)).containsExactly("0.5", "BASE");
        assertThat(thresholds.reached(new BigDecimal("100000.00"), PLAN)).containsExactly("0.5", "BASE", "TARGET");
        assertThat(thresholds.reached(new BigDecimal("120000.00"), PLAN))
                .containsExactly("0.5", "BASE", "TARGET", "CHALLENGE");
    }

    @Test
    void shouldCrossUpAndDownBetweenTwoStates() {
        Set<String> before = thresholds.reached(new BigDecimal("90000.00"), PLAN);

        Set<String> after = thresholds.reached(new BigDecimal("110000.00"), PLAN);
        Set<String> fallen = thresholds.reached(new BigDecimal("40000.00"), PLAN);

        assertThat(thresholds.crossings(before, after)).containsExactly(new Thresholds.Crossing("TARGET", Direction.UP));
        assertThat(thresholds.crossings(before, fallen)).containsExactly(
                new Thresholds.Crossing("0.5", Direction.DOWN), new Thresholds.Crossing("BASE", Direction.DOWN));
        assertThat(Thresholds.levelOf(after)).isEqualTo(AttainmentLevel.TARGET);
    }

    @Test
    void shouldSkipALevelThePlanDoesNotHave() {
        TargetPlan noLevels = new TargetPlan(TargetMetric.CALLS, new BigDecimal("400"), null, null, null, new TreeMap<>(),
                Map.of());

        assertThat(thresholds.reached(new BigDecimal("500"), noLevels)).containsExactly("0.5", "TARGET");
        assertThat(thresholds.reached(new BigDecimal("500"), null)).as("no target, nothing to reach").isEmpty();
    }

    @Test
    void shouldAcceptConfiguredRatiosAndRefuseNonsense() {
        Thresholds custom = new Thresholds(List.of("0.25", "0.75", "TARGET"));

        assertThat(custom.reached(new BigDecimal("75000.00"), PLAN)).containsExactly("0.25", "0.75");
        assertThatThrownBy(() -> new Thresholds(List.of("HALF"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Thresholds(List.of("-0.5"))).isInstanceOf(IllegalArgumentException.class);
    }
}
