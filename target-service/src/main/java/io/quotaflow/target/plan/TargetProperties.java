package io.quotaflow.target.plan;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/**
 * Planning defaults of the organisation (a plan may override them).
 *
 * @param weekend       days not worked (default Saturday and Sunday)
 * @param holidays      holidays of the organisation's own, not worked, on top of the official calendar's
 * @param extraWorkdays make-up working days on weekends, on top of the official calendar's (China's adjusted
 *                      schedules come from {@code OfficialCalendar}'s data files)
 * @param rampMonths    months a new rep takes to reach full capacity (default 3)
 */
@ConfigurationProperties("quotaflow.target")
public record TargetProperties(Set<DayOfWeek> weekend, Set<LocalDate> holidays, Set<LocalDate> extraWorkdays,
                               Integer rampMonths) {

    public TargetProperties {
        weekend = weekend == null || weekend.isEmpty() ? Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY) : Set.copyOf(weekend);
        holidays = holidays == null ? Set.of() : Set.copyOf(holidays);
        extraWorkdays = extraWorkdays == null ? Set.of() : Set.copyOf(extraWorkdays);
        rampMonths = rampMonths == null ? 3 : rampMonths;
    }

    /** These defaults with the official calendar's published holidays and make-up days added. */
    TargetProperties withOfficial(io.quotaflow.platform.calendar.OfficialCalendar official) {
        java.util.Set<LocalDate> allHolidays = new java.util.TreeSet<>(official.holidays());
        allHolidays.addAll(holidays);
        java.util.Set<LocalDate> allExtra = new java.util.TreeSet<>(official.extraWorkdays());
        allExtra.addAll(extraWorkdays);
        allExtra.removeAll(holidays);
        allHolidays.removeAll(extraWorkdays);
        return new TargetProperties(weekend, allHolidays, allExtra, rampMonths);
    }
}
