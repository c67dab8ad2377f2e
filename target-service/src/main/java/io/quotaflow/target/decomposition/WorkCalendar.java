package io.quotaflow.target.decomposition;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which days are worked. A day is a working day if it is a make-up workday, or if it is neither a
 * weekend day nor a holiday. Make-up workdays are the weekend days some countries work to make up for
 * a bridged holiday, as in China's adjusted schedules. Missing sets mean a Saturday–Sunday weekend and
 * no holidays or make-up days.
 *
 * @param weekend       days of the week that are not worked
 * @param holidays      dates that are not worked, whatever day of the week they fall on
 * @param extraWorkdays dates that are worked, whatever day of the week they fall on
 */
public record WorkCalendar(Set<DayOfWeek> weekend, Set<LocalDate> holidays, Set<LocalDate> extraWorkdays) {

    private static final Set<DayOfWeek> SATURDAY_AND_SUNDAY = Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);

    /** Monday to Friday, no holidays. */
    public static final WorkCalendar STANDARD = new WorkCalendar(SATURDAY_AND_SUNDAY, Set.of(), Set.of());

    public WorkCalendar {
        weekend = weekend == null ? SATURDAY_AND_SUNDAY : Set.copyOf(weekend);
        holidays = holidays == null ? Set.of() : Set.copyOf(holidays);
        extraWorkdays = extraWorkdays == null ? Set.of() : Set.copyOf(extraWorkdays);
        Set<LocalDate> both = new TreeSet<>(holidays);
        both.retainAll(extraWorkdays);
        if (!both.isEmpty()) {
            throw new DecompositionException("calendar.extraWorkdays",
                    "a day cannot be both a holiday and a make-up workday: " + both);
        }
    }

    public boolean isWorkingDay(LocalDate date) {
        return extraWorkdays.contains(date)
                || !(holidays.contains(date) || weekend.contains(date.getDayOfWeek()));
    }

    /** The working days of a month, in order. */
    public List<LocalDate> workingDays(YearMonth month) {
        return workingDays(month.atDay(1), month.atEndOfMonth());
    }

    /** The working days from {@code from} to {@code to}, both included, in order. */
    public List<LocalDate> workingDays(LocalDate from, LocalDate to) {
        return from.datesUntil(to.plusDays(1)).filter(this::isWorkingDay).toList();
    }
}
