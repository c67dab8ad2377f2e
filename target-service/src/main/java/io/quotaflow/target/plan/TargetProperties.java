package io.quotaflow.target.plan;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/**
 * Planning defaults of the organisation (a plan may override them).
 *
 * @param weekend       days not worked (default Saturday and Sunday)
 * @param holidays      public holidays, not worked
 * @param extraWorkdays make-up working days on weekends, as in China's adjusted schedules
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
}
