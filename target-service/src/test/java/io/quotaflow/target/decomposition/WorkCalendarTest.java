package io.quotaflow.target.decomposition;

import static io.quotaflow.target.decomposition.Rejections.assertRejectedOn;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorkCalendarTest {

    private static final LocalDate SATURDAY = LocalDate.of(2026, 10, 10);
    private static final LocalDate THURSDAY = LocalDate.of(2026, 10, 1);

    @Test
    void shouldWorkMondayToFridayByDefault() {
        // given
        WorkCalendar calendar = WorkCalendar.STANDARD;

        // when
        var workingDays = calendar.workingDays(YearMonth.of(2027, 2));

        // then
        assertThat(workingDays).hasSize(20)
                .allSatisfy(day -> assertThat(day.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
    }

    @Test
    void shouldTreatMissingSetsAsTheDefaults() {
        assertThat(new WorkCalendar(null, null, null)).isEqualTo(WorkCalendar.STANDARD);
    }

    @Test
    void shouldTreatMakeUpWorkdayAsWorkingDay() {
        // given China's National Day make-up Saturday
        WorkCalendar calendar = new WorkCalendar(null, Set.of(), Set.of(SATURDAY));

        // then
        assertThat(calendar.isWorkingDay(SATURDAY)).isTrue();
        assertThat(calendar.isWorkingDay(SATURDAY.plusDays(7))).isFalse();
    }

    @Test
    void shouldTreatHolidayOnAWeekdayAsDayOff() {
        // given
        WorkCalendar calendar = new WorkCalendar(null, Set.of(THURSDAY), Set.of());

        // then
        assertThat(calendar.isWorkingDay(THURSDAY)).isFalse();
        assertThat(calendar.isWorkingDay(THURSDAY.plusDays(1))).isTrue();
    }

    @Test
    void shouldHonourAnotherWeekend() {
        // given a Friday–Saturday weekend
        WorkCalendar calendar = new WorkCalendar(Set.of(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY), null, null);

        // then
        assertThat(calendar.isWorkingDay(SATURDAY.minusDays(1))).isFalse();
        assertThat(calendar.isWorkingDay(SATURDAY.plusDays(1))).isTrue();
    }

    @Test
    void shouldListWorkingDaysOfARangeInOrder() {
        // given
        WorkCalendar calendar = new WorkCalendar(null, Set.of(THURSDAY), Set.of(SATURDAY));

        // when
        var workingDays = calendar.workingDays(THURSDAY, SATURDAY);

        // then Thursday 1 is a holiday; Saturday 10 is a make-up day
        assertThat(workingDays).extracting(LocalDate::getDayOfMonth).containsExactly(2, 5, 6, 7, 8, 9, 10);
    }

    @Test
    void shouldRejectADayThatIsBothHolidayAndMakeUpWorkday() {
        assertRejectedOn("calendar.extraWorkdays", () -> new WorkCalendar(null, Set.of(SATURDAY), Set.of(SATURDAY)))
                .withMessageContaining(SATURDAY.toString());
    }
}
