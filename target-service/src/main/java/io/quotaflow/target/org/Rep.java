package io.quotaflow.target.org;

import com.fasterxml.jackson.annotation.JsonFormat;
import org.springframework.data.mongodb.core.mapping.Document;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * A sales rep on a team.
 *
 * @param capacity relative selling capacity (1.0 = a full-time, fully ramped rep); new reps ramp up on
 *                 top of it by tenure
 * @param leftOn      the last day with the company, if they left; they get no target after that month
 * @param memberships every team the rep has been on, oldest first, the last one open: a move mid-month keeps
 *                    each day's activity with the team of that day
 */
@Document("reps")
public record Rep(String id, String name, String teamId, LocalDate hiredOn,
                  @JsonFormat(shape = JsonFormat.Shape.NUMBER) BigDecimal capacity, LocalDate leftOn,
                  List<Membership> memberships) {

    public Rep {
        memberships = memberships == null || memberships.isEmpty()
                ? (teamId == null || hiredOn == null ? List.of() : List.of(new Membership(teamId, hiredOn, null)))
                : List.copyOf(memberships);
    }

    /** Whether the rep is with the company for at least part of the period. */
    public boolean isActiveIn(YearMonth period) {
        return !hiredOn.isAfter(period.atEndOfMonth()) && (leftOn == null || !leftOn.isBefore(period.atDay(1)));
    }
}
