package io.quotaflow.kpi.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Days, months and weeks as the organisation counts them: an instant falls on the day it is in the organisation's
 * time zone (default Asia/Shanghai); a period is a calendar month of such days; weeks are ISO weeks clipped to the
 * month ({@code 2027-W03}).
 */
public final class BusinessCalendar {

    private final ZoneId zone;

    public BusinessCalendar(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    public ZoneId zone() {
        return zone;
    }

    public LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }

    public YearMonth period(Instant instant) {
        return YearMonth.from(day(instant));
    }

    /** The first instant of the period in the organisation's zone. */
    public Instant start(YearMonth period) {
        return period.atDay(1).atStartOfDay(zone).toInstant();
    }

    /** {@code 2027-W03}: the ISO week (of its week-based year) a day belongs to. */
    public static String week(LocalDate day) {
        return String.format("%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** {@code 07}: the day of the month, two digits, as used in document paths. */
    public static String dayKey(LocalDate day) {
        return dayKey(day.getDayOfMonth());
    }

    public static String dayKey(int dayOfMonth) {
        return dayOfMonth < 10 ? "0" + dayOfMonth : Integer.toString(dayOfMonth);
    }

    /** The ISO weeks of a month, clipped to it, in order, with their days. */
    public static Map<String, List<LocalDate>> weeks(YearMonth period) {
        Map<String, List<LocalDate>> weeks = new LinkedHashMap<>();
        for (LocalDate day = period.atDay(1); !day.isAfter(period.atEndOfMonth()); day = day.plusDays(1)) {
            weeks.computeIfAbsent(week(day), w -> new ArrayList<>()).add(day);
        }
        return weeks;
    }

    /** Monday to Friday of the month: the working days when no target says otherwise. */
    public static List<LocalDate> weekdays(YearMonth period) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = period.atDay(1); !day.isAfter(period.atEndOfMonth()); day = day.plusDays(1)) {
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days.add(day);
            }
        }
        return days;
    }
}
