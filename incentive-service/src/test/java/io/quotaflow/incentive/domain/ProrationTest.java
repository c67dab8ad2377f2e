package io.quotaflow.incentive.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;

class ProrationTest {

    static final YearMonth JANUARY = YearMonth.of(2027, 1);
    static final BigDecimal BONUS = new BigDecimal("2000.00");

    @Test
    void shouldProrateANewHireByTheDaysEmployed() {
        long days = Proration.daysEmployed(LocalDate.of(2027, 1, 12), null, JANUARY);

        assertThat(days).isEqualTo(20);
        assertThat(Proration.prorate(BONUS, days, JANUARY)).isEqualByComparingTo("1290.32"); // 2,000 × 20 / 31
    }

    @Test
    void shouldPayTheWholeAmountToSomeoneEmployedAllPeriod() {
        long days = Proration.daysEmployed(LocalDate.of(2026, 5, 1), null, JANUARY);

        assertThat(days).isEqualTo(31);
        assertThat(Proration.prorate(BONUS, days, JANUARY)).isSameAs(BONUS);
    }

    @Test
    void shouldCountTheHireDayAndTheLastDayBothIncluded() {
        assertThat(Proration.daysEmployed(LocalDate.of(2027, 1, 31), null, JANUARY)).isEqualTo(1);
        assertThat(Proration.daysEmployed(LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1), JANUARY)).isEqualTo(1);
        assertThat(Proration.daysEmployed(LocalDate.of(2027, 1, 10), LocalDate.of(2027, 1, 19), JANUARY)).isEqualTo(10);
    }

    @Test
    void shouldPayNothingToSomeoneNotEmployedInThePeriod() {
        long days = Proration.daysEmployed(LocalDate.of(2027, 2, 1), null, JANUARY);

        assertThat(days).isZero();
        assertThat(Proration.prorate(BONUS, days, JANUARY)).isEqualByComparingTo("0.00");
    }

    @Test
    void shouldUseTheLengthOfFebruary() {
        YearMonth february = YearMonth.of(2028, 2); // a leap year: 29 days

        long days = Proration.daysEmployed(LocalDate.of(2028, 2, 15), null, february);

        assertThat(days).isEqualTo(15);
        assertThat(Proration.prorate(BONUS, days, february)).isEqualByComparingTo("1034.48"); // 2,000 × 15 / 29
    }
}
