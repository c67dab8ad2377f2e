package io.quotaflow.platform.calendar;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;

class OfficialCalendarTest {

    private final OfficialCalendar china = OfficialCalendar.load("CN", null);

    @Test
    void shouldShipChinasPublishedScheduleFor2026() {
        assertThat(china.covers(2026)).isTrue();
        assertThat(china.year(2026).orElseThrow().source()).contains("国务院办公厅");
        assertThat(china.isWorkingDay(LocalDate.of(2026, 10, 1))).as("National Day").isFalse();
        assertThat(china.isWorkingDay(LocalDate.of(2026, 2, 16))).as("Spring Festival").isFalse();
        assertThat(china.isWorkingDay(LocalDate.of(2026, 2, 14))).as("a Saturday worked to make up for it").isTrue();
        assertThat(china.isWorkingDay(LocalDate.of(2026, 1, 4))).as("a Sunday worked after New Year").isTrue();
        assertThat(china.isWorkingDay(LocalDate.of(2026, 12, 7))).as("an ordinary Monday").isTrue();
    }

    @Test
    void shouldCountTheWorkingDaysOfAMonthWithHolidaysAndMakeUpDays() {
        // 22 weekdays, less National Day's Thu 1, Fri 2, Mon 5 to Wed 7, plus Saturday 10 worked: 18.
        assertThat(workingDays(YearMonth.of(2026, 10))).as("October 2026").isEqualTo(18);
        assertThat(workingDays(YearMonth.of(2026, 12))).as("December 2026 has no holiday").isEqualTo(23);
    }

    @Test
    void shouldNeverGuessAYearWithoutAPublishedSchedule() {
        assertThat(china.covers(2027)).isFalse();
        assertThat(china.isWorkingDay(LocalDate.of(2027, 10, 1))).as("a Friday, holiday or not unknown: worked")
                .isTrue();
    }

    @Test
    void shouldTakeALaterYearFromAFileWithoutACodeChange(@TempDir Path directory) throws IOException {
        Files.writeString(directory.resolve("CN-2027.json"), """
                {"country":"CN","year":2027,"source":"a later notice","weekend":["SATURDAY","SUNDAY"],
                 "holidays":[{"date":"2027-10-01","name":"National Day"}],
                 "extraWorkdays":[{"date":"2027-09-26","name":"make-up"}]}""");
        Files.writeString(directory.resolve("US-2027.json"), "{\"year\":2027}");

        OfficialCalendar calendar = OfficialCalendar.load("CN", directory);

        assertThat(calendar.covers(2027)).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 10, 1))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 9, 26))).isTrue();
        assertThat(calendar.covers(2026)).as("the shipped years stay").isTrue();
    }

    private long workingDays(YearMonth month) {
        return month.atDay(1).datesUntil(month.atEndOfMonth().plusDays(1)).filter(china::isWorkingDay).count();
    }

}
