package io.quotaflow.kpi.access;

import io.quotaflow.kpi.calendar.BusinessCalendar;
import io.quotaflow.web.InvalidInputException;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.YearMonth;

/** The month a request asks about: the one named, else the current one in the organisation's time zone. */
@Component
public class Periods {

    private static final YearMonth EARLIEST = YearMonth.of(2000, 1);
    private static final YearMonth LATEST = YearMonth.of(2100, 12);

    private final Clock clock;
    private final BusinessCalendar calendar;

    public Periods(Clock clock, BusinessCalendar calendar) {
        this.clock = clock;
        this.calendar = calendar;
    }

    public YearMonth orCurrent(YearMonth period) {
        if (period == null) {
            return calendar.period(clock.instant());
        }
        if (period.isBefore(EARLIEST) || period.isAfter(LATEST)) {
            throw new InvalidInputException("period", "must be a month from " + EARLIEST + " to " + LATEST);
        }
        return period;
    }
}
