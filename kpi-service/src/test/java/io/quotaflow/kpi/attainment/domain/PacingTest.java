package io.quotaflow.kpi.attainment.domain;

import io.quotaflow.events.TargetMetric;
import io.quotaflow.events.kpi.AttainmentLevel;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Attainment and pacing by hand. January 2027 starts on a Friday (mid-week): with New Year's Day off it has 20
 * working days, 13 of them up to Wednesday the 20th.
 */
class PacingTest {

    private static final YearMonth JANUARY = YearMonth.of(2027, 1);
    private static final LocalDate WEDNESDAY_20TH = LocalDate.of(2027, 1, 20);

    /** 100,000 over the 20 working days: 5,000 a day. */
    private static TargetPlan revenue(String monthly, String base, String challenge) {
        TreeMap<LocalDate, BigDecimal> daily = new TreeMap<>();
        BigDecimal perDay = new BigDecimal(monthly).divide(BigDecimal.valueOf(20));
        for (LocalDate day = JANUARY.atDay(2); !day.isAfter(JANUARY.atEndOfMonth()); day = day.plusDays(1)) {
            if (day.getDayOfWeek().getValue() <= 5) {
                daily.put(day, perDay);
            }
        }
        return new TargetPlan(TargetMetric.REVENUE, new BigDecimal(monthly), base == null ? null : new BigDecimal(base),
                challenge == null ? null : new BigDecimal(challenge), "CNY", daily, Map.of());
    }

    @Test
    void shouldComputeAttainmentExpectedToDatePaceAndProjection() {
        Standing standing = Pacing.standing(TargetMetric.REVENUE, new BigDecimal("90000.00"),
                revenue("100000.00", "80000.00", "120000.00"), JANUARY, WEDNESDAY_20TH);

        assertThat(standing.attainment()).isEqualTo(0.9);
        assertThat(standing.expectedToDate()).isEqualByComparingTo("65000.00");
        assertThat(standing.pace()).isEqualTo(1.3846);
        assertThat(standing.projected()).isEqualByComparingTo("138461.54");
        assertThat(standing.target()).isEqualByComparingTo("100000.00");
        assertThat(standing.base()).isEqualByComparingTo("80000.00");
        assertThat(standing.challenge()).isEqualByComparingTo("120000.00");
    }

    @Test
    void shouldShowOnlyTheActualAndItsProjectionWithoutATarget() {
        Standing standing = Pacing.standing(TargetMetric.CALLS, new BigDecimal("42"), null, JANUARY, WEDNESDAY_20TH);

        assertThat(standing.target()).isNull();
        assertThat(standing.attainment()).isNull();
        assertThat(standing.expectedToDate()).isNull();
        assertThat(standing.pace()).isNull();
        // Monday to Friday without a target: 21 weekdays in January 2027, 14 of them by the 20th (the 1st counts).
        assertThat(standing.projected()).isEqualByComparingTo("63");
    }

    @Test
    void shouldHaveNoAttainmentAgainstATargetOfZero() {
        TargetPlan zero = new TargetPlan(TargetMetric.DEALS, BigDecimal.ZERO, null, null, null, new TreeMap<>(), Map.of());

        Standing standing = Pacing.standing(TargetMetric.DEALS, BigDecimal.valueOf(3), zero, JANUARY, WEDNESDAY_20TH);

        assertThat(standing.attainment()).isNull();
        assertThat(standing.pace()).isNull();
        assertThat(Pacing.level(BigDecimal.valueOf(3), zero)).isEqualTo(AttainmentLevel.BELOW_BASE);
    }

    @Test
    void shouldExpectNothingBeforeTheMonthAndEverythingAfterIt() {
        TargetPlan plan = revenue("100000.00", null, null);

        assertThat(Pacing.expectedToDate(plan, JANUARY, LocalDate.of(2026, 12, 31))).isEqualByComparingTo("0");
        assertThat(Pacing.expectedToDate(plan, JANUARY, LocalDate.of(2027, 2, 3))).isEqualByComparingTo("100000.00");
        Standing after = Pacing.standing(TargetMetric.REVENUE, new BigDecimal("70000.00"), plan, JANUARY,
                LocalDate.of(2027, 2, 3));
        assertThat(after.projected()).as("a month that is over projects its actual").isEqualByComparingTo("70000.00");
        assertThat(after.pace()).isEqualTo(0.7);
    }

    @Test
    void shouldProjectNothingBeforeTheFirstWorkingDay() {
        // the 1st is a holiday under the target's calendar: no working day has passed
        Standing standing = Pacing.standing(TargetMetric.REVENUE, new BigDecimal("1000.00"), revenue("100000.00", null,
                null), JANUARY, LocalDate.of(2027, 1, 1));

        assertThat(standing.projected()).isNull();
        assertThat(standing.expectedToDate()).isEqualByComparingTo("0");
        assertThat(standing.pace()).isNull();
    }

    @Test
    void shouldPaceAgainstTheRevisedBreakdownFromItsEffectiveDay() {
        // Revised on the 18th from 100,000 to 120,000: the 10 working days before keep 5,000 each (50,000); the 10
        // from the 18th share the remaining 70,000 (7,000 each).
        TargetPlan original = revenue("100000.00", null, null);
        TreeMap<LocalDate, BigDecimal> revised = new TreeMap<>(original.daily());
        LocalDate effective = LocalDate.of(2027, 1, 18);
        revised.tailMap(effective, true).keySet().forEach(day -> revised.put(day, new BigDecimal("7000.00")));
        TargetPlan plan = new TargetPlan(TargetMetric.REVENUE, new BigDecimal("120000.00"), null, null, "CNY", revised,
                Map.of());

        Standing standing = Pacing.standing(TargetMetric.REVENUE, new BigDecimal("78000.00"), plan, JANUARY,
                WEDNESDAY_20TH);

        assertThat(plan.daily().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("120000.00");
        // 10 days × 5,000 before the 18th + 3 × 7,000 = 71,000; 78,000 / 71,000 = 1.09859…
        assertThat(standing.expectedToDate()).isEqualByComparingTo("71000.00");
        assertThat(standing.attainment()).isEqualTo(0.65);
        assertThat(standing.pace()).isEqualTo(1.0986);
    }

    @Test
    void shouldNameTheHighestLevelReached() {
        TargetPlan plan = revenue("100000.00", "80000.00", "120000.00");

        assertThat(Pacing.level(new BigDecimal("79999.99"), plan)).isEqualTo(AttainmentLevel.BELOW_BASE);
        assertThat(Pacing.level(new BigDecimal("80000.00"), plan)).isEqualTo(AttainmentLevel.BASE);
        assertThat(Pacing.level(new BigDecimal("100000.00"), plan)).isEqualTo(AttainmentLevel.TARGET);
        assertThat(Pacing.level(new BigDecimal("120000.00"), plan)).isEqualTo(AttainmentLevel.CHALLENGE);
        assertThat(Pacing.level(new BigDecimal("130000.00"), revenue("100000.00", null, null)))
                .as("no challenge level: the target is the highest").isEqualTo(AttainmentLevel.TARGET);
    }

    @Test
    void shouldRoundRatiosHalfUpToFourDecimals() {
        assertThat(Pacing.ratio(BigDecimal.ONE, BigDecimal.valueOf(3))).isEqualTo(0.3333);
        assertThat(Pacing.ratio(BigDecimal.valueOf(2), BigDecimal.valueOf(3))).isEqualTo(0.6667);
        assertThat(Pacing.ratio(BigDecimal.ONE, BigDecimal.ZERO)).isNull();
    }
}
