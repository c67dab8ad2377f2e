package io.quotaflow.target.org;

import io.quotaflow.platform.csv.CsvRow;
import io.quotaflow.web.InvalidInputException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A rep as an admin sends it. {@code capacity} may be left out for a full-time rep (1.0), and {@code leftOn}
 * while they are still with the company. {@code teamSince} dates a move to another team (default: today, or the
 * day after the current team's start if that is later); earlier days stay with the old team.
 */
public record RepInput(String name, String teamId, LocalDate hiredOn, BigDecimal capacity, LocalDate leftOn,
                       LocalDate teamSince) implements OrgInput<Rep> {

    static final BigDecimal FULL_TIME = new BigDecimal("1.0");

    static final List<String> COLUMNS = List.of("name", "teamId", "hiredOn");
    static final List<String> OPTIONAL_COLUMNS = List.of("capacity", "leftOn", "teamSince");

    static RepInput from(CsvRow row) {
        return new RepInput(row.text("name"), row.text("teamId"), row.date("hiredOn"), row.decimal("capacity"),
                row.date("leftOn"), row.date("teamSince"));
    }

    /** A new rep: on this team since they were hired. */
    @Override
    public Rep withId(String id) {
        return new Rep(id, name, teamId, hiredOn, capacity == null ? FULL_TIME : capacity, leftOn, List.of());
    }

    /**
     * The rep replacing {@code existing}: same team history, unless the team changed, which closes the current
     * membership the day before the move and opens one on the new team. A new hiring date moves the start of the
     * first membership.
     *
     * @throws InvalidInputException naming {@code teamSince} when the move cannot be dated so
     */
    Rep replacing(Rep existing, LocalDate today) {
        List<Membership> history = new ArrayList<>(existing.memberships());
        Membership first = history.get(0);
        history.set(0, new Membership(first.teamId(), hiredOn, first.to()));
        Membership current = history.get(history.size() - 1);
        if (!current.teamId().equals(teamId)) {
            LocalDate since = teamSince != null ? teamSince
                    : (today.isAfter(current.from()) ? today : current.from().plusDays(1));
            if (!since.isAfter(current.from())) {
                throw new InvalidInputException("teamSince", "must be after " + current.from()
                        + ", when the rep joined team " + current.teamId());
            }
            history.set(history.size() - 1, new Membership(current.teamId(), current.from(), since.minusDays(1)));
            history.add(new Membership(teamId, since, null));
        }
        return new Rep(existing.id(), name, teamId, hiredOn, capacity == null ? FULL_TIME : capacity, leftOn, history);
    }
}
