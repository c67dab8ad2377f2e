package io.quotaflow.incentive.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ThresholdRuleTest {

    @ParameterizedTest(name = "{0} of 1,000,000.00 reaches {1}: {2}")
    @CsvSource({
            "799999.99, 0.8, false",
            "800000.00, 0.8, true",
            "999999.99, 1.0, false",
            "1000000.00, 1.0, true",
            "1199999.99, 1.2, false",
            "1200000.00, 1.2, true",
            "1200000.01, 1.2, true",
    })
    void shouldReachALevelAtExactlyItsShareOfTheTarget(String actual, String level, boolean reached) {
        assertThat(ThresholdRule.reached(new BigDecimal(level), new BigDecimal(actual), new BigDecimal("1000000.00"), null))
                .isEqualTo(reached);
    }

    @Test
    void shouldReachCountLevelsExactlyToo() {
        BigDecimal target = new BigDecimal("25");

        assertThat(ThresholdRule.reached(new BigDecimal("0.8"), new BigDecimal("20"), target, null)).isTrue();
        assertThat(ThresholdRule.reached(new BigDecimal("0.8"), new BigDecimal("19"), target, null)).isFalse();
    }

    @Test
    void shouldUseTheReportedAttainmentWhenThereIsNoTarget() {
        assertThat(ThresholdRule.reached(new BigDecimal("1.0"), new BigDecimal("5"), null, 1.0)).isTrue();
        assertThat(ThresholdRule.reached(new BigDecimal("1.0"), new BigDecimal("5"), null, 0.9999)).isFalse();
        assertThat(ThresholdRule.reached(new BigDecimal("1.0"), new BigDecimal("5"), null, null)).isFalse();
    }

    @Test
    void shouldNameTiersByTheirLevelAsWritten() {
        ThresholdRule rule = new ThresholdRule("levels", io.quotaflow.events.TargetMetric.REVENUE, List.of(
                new ThresholdRule.Tier(new BigDecimal("0.80"), new BigDecimal("2000.00")),
                new ThresholdRule.Tier(new BigDecimal("1.0"), new BigDecimal("3000.00")),
                new ThresholdRule.Tier(new BigDecimal("1.2"), new BigDecimal("5000.00"))));

        assertThat(rule.tiers()).extracting(ThresholdRule.Tier::name).containsExactly("0.8", "1", "1.2");
    }
}
