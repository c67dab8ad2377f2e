package io.quotaflow.incentive.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** Periods and days in the organisation's time zone ({@code Asia/Shanghai} by default). */
public record BusinessCalendar(ZoneId zone) {

    public LocalDate day(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    public YearMonth period(Instant instant) {
        return YearMonth.from(day(instant));
    }

    /** The first instant after the period. */
    public Instant end(YearMonth period) {
        return ZonedDateTime.of(period.plusMonths(1).atDay(1).atStartOfDay(), zone).toInstant();
    }

    /** The day of {@code instant}, kept within {@code period} (a late recomputation counts on the period's last day). */
    public LocalDate dayWithin(Instant instant, YearMonth period) {
        LocalDate day = day(instant);
        if (day.isBefore(period.atDay(1))) {
            return period.atDay(1);
        }
        return day.isAfter(period.atEndOfMonth()) ? period.atEndOfMonth() : day;
    }
}
