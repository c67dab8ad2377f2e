package io.quotaflow.target.decomposition;

import static io.quotaflow.target.decomposition.Decimals.decimal;
import static io.quotaflow.target.decomposition.Rejections.assertRejectedOn;
import static io.quotaflow.target.decomposition.RequestBuilder.aRequest;
import static io.quotaflow.target.decomposition.TreeAssertions.assertWeeksAndDaysAddUpToTheMonth;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MonthSplitTest {

    private static final YearMonth DECEMBER_2026 = YearMonth.of(2026, 12);

    @Test
    void shouldGive750kPerWeekForAFourWeekMonth() {
        // given February 2027: Monday 1 to Sunday 28
        DecompositionRequest request = aRequest().period(YearMonth.of(2027, 2)).total("3000000.00").build();

        // when
        TargetNode company = Decomposer.decompose(request).company();

        // then
        assertThat(company.weekly())
                .extracting(WeeklyAmount::week, WeeklyAmount::from, WeeklyAmount::to, WeeklyAmount::amount)
                .containsExactly(
                        tuple("2027-W05", date("2027-02-01"), date("2027-02-07"), decimal("750000.00")),
                        tuple("2027-W06", date("2027-02-08"), date("2027-02-14"), decimal("750000.00")),
                        tuple("2027-W07", date("2027-02-15"), date("2027-02-21"), decimal("750000.00")),
                        tuple("2027-W08", date("2027-02-22"), date("2027-02-28"), decimal("750000.00")));
    }

    @Test
    void shouldGive150kPerWorkingDayForAFourWeekMonth() {
        // given
        DecompositionRequest request = aRequest().period(YearMonth.of(2027, 2)).total("3000000.00").build();

        // when
        TargetNode company = Decomposer.decompose(request).company();

        // then
        assertThat(company.daily()).hasSize(20)
                .allSatisfy(day -> assertThat(day.amount()).isEqualTo(decimal("150000.00")));
    }

    @Test
    void shouldClipIsoWeeksToTheMonth() {
        // given December 2026, which starts on a Tuesday and ends on a Thursday
        DecompositionRequest request = aRequest().period(DECEMBER_2026).build();

        // when
        TargetNode company = Decomposer.decompose(request).company();

        // then
        assertThat(company.weekly())
                .extracting(WeeklyAmount::week, WeeklyAmount::from, WeeklyAmount::to)
                .containsExactly(
                        tuple("2026-W49", date("2026-12-01"), date("2026-12-06")),
                        tuple("2026-W50", date("2026-12-07"), date("2026-12-13")),
                        tuple("2026-W51", date("2026-12-14"), date("2026-12-20")),
                        tuple("2026-W52", date("2026-12-21"), date("2026-12-27")),
                        tuple("2026-W53", date("2026-12-28"), date("2026-12-31")));
    }

    @Test
    void shouldLabelWeeksByTheirIsoWeekBasedYear() {
        // given January 2027, whose first days belong to the last week of 2026
        DecompositionRequest request = aRequest().period(YearMonth.of(2027, 1)).build();

        // when
        TargetNode company = Decomposer.decompose(request).company();

        // then
        assertThat(company.weekly().get(0))
                .isEqualTo(new WeeklyAmount("2026-W53", date("2027-01-01"), date("2027-01-03"),
                        company.daily().get(0).amount()));
    }

    @Test
    void shouldSpreadOverWorkingDaysOnly() {
        // given December 2026 with Christmas Day, a Friday, off: 22 working days
        WorkCalendar christmas = new WorkCalendar(null, Set.of(date("2026-12-25")), null);
        DecompositionRequest request = aRequest().period(DECEMBER_2026).total("2200000.00").calendar(christmas).build();

        // when
        TargetNode company = Decomposer.decompose(request).company();

        // then
        assertThat(company.daily()).hasSize(22)
                .extracting(DailyAmount::date)
                .doesNotContain(date("2026-12-25"))
                .allSatisfy(day -> assertThat(day.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
        assertThat(company.weekly()).extracting(WeeklyAmount::amount).containsExactly(
                decimal("400000.00"), decimal("500000.00"), decimal("500000.00"),
                decimal("400000.00"), decimal("400000.00"));
    }

    @Test
    void shouldGiveAWeekWithoutWorkingDaysNothing() {
        // given August 2026, which starts on a Saturday
        DecompositionRequest request = aRequest().period(YearMonth.of(2026, 8)).build();

        // when
        TargetNode company = Decomposer.decompose(request).company();

        // then
        assertThat(company.weekly().get(0)).isEqualTo(
                new WeeklyAmount("2026-W31", date("2026-08-01"), date("2026-08-02"), decimal("0.00")));
    }

    @Test
    void shouldPlanOnAMakeUpWorkday() {
        // given October 2026 in China: 1–7 off for National Day, Saturday 10 worked to make up
        Set<LocalDate> nationalDay = Set.of(date("2026-10-01"), date("2026-10-02"), date("2026-10-05"),
                date("2026-10-06"), date("2026-10-07"));
        WorkCalendar china = new WorkCalendar(null, nationalDay, Set.of(date("2026-10-10")));
        DecompositionRequest request = aRequest().period(YearMonth.of(2026, 10)).total("180000.00").calendar(china).build();

        // when
        TargetNode company = Decomposer.decompose(request).company();

        // then 22 weekdays, less 5 holidays, plus 1 make-up day
        assertThat(company.daily()).hasSize(18)
                .extracting(DailyAmount::date, DailyAmount::amount)
                .contains(tuple(date("2026-10-08"), decimal("10000.00")), tuple(date("2026-10-10"), decimal("10000.00")));
        assertThat(company.weekly()).extracting(WeeklyAmount::amount).startsWith(decimal("0.00"), decimal("30000.00"));
    }

    @Test
    void shouldGiveOddUnitsToTheEarliestDays() {
        // given 20 working days
        DecompositionRequest request = aRequest().period(YearMonth.of(2027, 2)).total("1000.03").build();

        // when
        TargetNode company = Decomposer.decompose(request).company();

        // then
        assertThat(company.daily()).extracting(DailyAmount::amount)
                .startsWith(decimal("50.01"), decimal("50.01"), decimal("50.01"), decimal("50.00"));
    }

    @Test
    void shouldSplitEveryNodeOverTheMonth() {
        // given
        DecompositionRequest request = aRequest().period(DECEMBER_2026).total("1234567.89").build();

        // when
        Decomposition decomposition = Decomposer.decompose(request);

        // then
        assertThat(decomposition.nodes()).allSatisfy(node -> {
            assertThat(node.weekly()).hasSize(5);
            assertThat(node.daily()).hasSize(23);
        });
        assertWeeksAndDaysAddUpToTheMonth(decomposition);
    }

    @Test
    void shouldRejectAMonthWithoutWorkingDays() {
        // given
        WorkCalendar neverWorking = new WorkCalendar(EnumSet.allOf(DayOfWeek.class), null, null);

        // then
        assertRejectedOn("calendar", () -> Decomposer.decompose(aRequest().calendar(neverWorking).build()))
                .withMessage("has no working days in 2027-02");
    }

    private static LocalDate date(String isoDate) {
        return LocalDate.parse(isoDate);
    }
}
