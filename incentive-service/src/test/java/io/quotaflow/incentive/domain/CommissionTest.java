package io.quotaflow.incentive.domain;

import io.quotaflow.events.TargetMetric;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Hand-computed commission: target 100,000.00 unless said otherwise. */
class CommissionTest {

    static final BigDecimal TARGET = new BigDecimal("100000.00");

    /** 3 % up to 100 %, 5 % above (an accelerator). */
    static CommissionRule standard(String cap) {
        return rule(PayOn.CLOSE, TargetMetric.REVENUE, cap, null,
                band("0", "1.0", "0.03"), band("1.0", null, "0.05"));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "0.00,       0.00",
            "80000.00,   2400.00",    // 80 % × 3 %
            "100000.00,  3000.00",    // exactly 100 %: all at 3 %
            "100000.01,  3000.00",    // 0.01 at 5 % = 0.0005 → rounds to 3000.00
            "100010.00,  3000.50",    // 10.00 above at 5 %
            "120000.00,  4000.00",    // 100,000 × 3 % + 20,000 × 5 %
    })
    void shouldPayEachBandsRateOnThePartOfTheActualInIt(String actual, String expected) {
        BigDecimal earned = Commission.earned(standard(null), new BigDecimal(actual), TARGET);

        assertThat(earned).isEqualByComparingTo(expected);
        assertThat(earned.scale()).isEqualTo(2);
    }

    @Test
    void shouldAccelerateAtExactly80And120Percent() {
        CommissionRule rule = rule(PayOn.CLOSE, TargetMetric.REVENUE, null, null,
                band("0", "0.8", "0.02"), band("0.8", "1.2", "0.04"), band("1.2", null, "0.08"));

        assertThat(Commission.earned(rule, new BigDecimal("80000.00"), TARGET)).isEqualByComparingTo("1600.00");
        assertThat(Commission.earned(rule, new BigDecimal("120000.00"), TARGET))
                .isEqualByComparingTo("3200.00"); // 1,600 + 40,000 × 4 %
        assertThat(Commission.earned(rule, new BigDecimal("150000.00"), TARGET))
                .isEqualByComparingTo("5600.00"); // 3,200 + 30,000 × 8 %
    }

    @Test
    void shouldStopAtTheCap() {
        assertThat(Commission.earned(standard("3500.00"), new BigDecimal("100000.00"), TARGET)).isEqualByComparingTo("3000.00");
        assertThat(Commission.earned(standard("3500.00"), new BigDecimal("110000.00"), TARGET)).isEqualByComparingTo("3500.00");
        assertThat(Commission.earned(standard("3500.00"), new BigDecimal("500000.00"), TARGET)).isEqualByComparingTo("3500.00");
    }

    @Test
    void shouldPayAtLeastTheFloorOnceAnythingIsEarned() {
        CommissionRule floored = rule(PayOn.CLOSE, TargetMetric.REVENUE, "5000.00", "500.00", band("0", null, "0.03"));

        assertThat(Commission.earned(floored, BigDecimal.ZERO, TARGET)).isEqualByComparingTo("0.00");
        assertThat(Commission.earned(floored, new BigDecimal("1000.00"), TARGET)).isEqualByComparingTo("500.00");
        assertThat(Commission.earned(floored, new BigDecimal("20000.00"), TARGET)).isEqualByComparingTo("600.00");
    }

    @Test
    void shouldPayNothingInAGapBelowTheFirstBand() {
        CommissionRule fromHalf = rule(PayOn.CLOSE, TargetMetric.REVENUE, null, null, band("0.5", null, "0.04"));

        assertThat(Commission.earned(fromHalf, new BigDecimal("50000.00"), TARGET)).isEqualByComparingTo("0.00");
        assertThat(Commission.earned(fromHalf, new BigDecimal("60000.00"), TARGET)).isEqualByComparingTo("400.00");
    }

    @Test
    void shouldApplyTheBandFromZeroToEverythingWithoutATarget() {
        assertThat(Commission.earned(standard(null), new BigDecimal("150000.00"), null)).isEqualByComparingTo("4500.00");
    }

    @Test
    void shouldRoundHalfUpToCentsOnceAtTheEnd() {
        CommissionRule flat = rule(PayOn.CLOSE, TargetMetric.REVENUE, null, null, band("0", null, "0.03"));

        assertThat(Commission.earned(flat, new BigDecimal("116.50"), TARGET)).isEqualByComparingTo("3.50"); // 3.495
        assertThat(Commission.earned(flat, new BigDecimal("116.49"), TARGET)).isEqualByComparingTo("3.49"); // 3.4947
    }

    @Test
    void shouldPayOnCollectionTheShareOfTheEarnedCommissionAlreadyCollected() {
        CommissionRule onCollection = rule(PayOn.COLLECTION, TargetMetric.REVENUE, null, null,
                band("0", "1.0", "0.03"), band("1.0", null, "0.05"));
        BigDecimal revenue = new BigDecimal("120000.00"); // earns 4,000.00

        assertThat(Commission.owed(onCollection, totals(revenue, revenue, "0.00"))).isEqualByComparingTo("0.00");
        assertThat(Commission.owed(onCollection, totals(revenue, revenue, "60000.00"))).isEqualByComparingTo("2000.00");
        assertThat(Commission.owed(onCollection, totals(revenue, revenue, "40000.00"))).isEqualByComparingTo("1333.33");
        assertThat(Commission.owed(onCollection, totals(revenue, revenue, "120000.00"))).isEqualByComparingTo("4000.00");
        assertThat(Commission.owed(onCollection, totals(revenue, revenue, "130000.00"))).isEqualByComparingTo("4000.00");
    }

    @Test
    void shouldPayOnCloseTheWholeEarnedCommissionWhateverIsCollected() {
        BigDecimal revenue = new BigDecimal("120000.00");

        assertThat(Commission.owed(standard(null), totals(revenue, revenue, "0.00"))).isEqualByComparingTo("4000.00");
    }

    @Test
    void shouldPayCommissionOnCollectionsOnTheMoneyCollectedAgainstTheCollectionsTarget() {
        CommissionRule onCash = rule(PayOn.COLLECTION, TargetMetric.COLLECTIONS, null, null,
                band("0", "1.0", "0.01"), band("1.0", null, "0.02"));

        assertThat(Commission.owed(onCash, new Commission.Totals(new BigDecimal("110000.00"), TARGET, BigDecimal.ZERO,
                BigDecimal.ZERO))).isEqualByComparingTo("1200.00"); // 100,000 × 1 % + 10,000 × 2 %
    }

    private static Commission.Totals totals(BigDecimal actual, BigDecimal revenue, String collected) {
        return new Commission.Totals(actual, TARGET, revenue, new BigDecimal(collected));
    }

    static CommissionRule rule(PayOn payOn, TargetMetric metric, String cap, String floor, CommissionRule.Band... bands) {
        return new CommissionRule("commission", metric, payOn, List.of(bands), cap == null ? null : new BigDecimal(cap),
                floor == null ? null : new BigDecimal(floor));
    }

    static CommissionRule.Band band(String from, String to, String rate) {
        return new CommissionRule.Band(new BigDecimal(from), to == null ? null : new BigDecimal(to), new BigDecimal(rate));
    }
}
