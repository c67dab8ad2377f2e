package io.quotaflow.events.org;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A rep was hired, changed, moved team or left ({@code leftOn}: their last day).
 *
 * @param teamId      the current team
 * @param memberships every team the rep has been on, oldest first, without gaps or overlaps
 */
public record RepChanged(String repId, String name, String teamId, LocalDate hiredOn, LocalDate leftOn,
                         BigDecimal capacity, List<TeamMembership> memberships, long revision) implements OrgEvent {

    public RepChanged {
        memberships = memberships == null ? List.of() : List.copyOf(memberships);
    }

    @Override
    public String entityKey() {
        return "REP:" + repId;
    }

    /** The team the rep was on that day, if they were with the company. */
    public Optional<String> teamOn(LocalDate day) {
        if (day.isBefore(hiredOn) || (leftOn != null && day.isAfter(leftOn))) {
            return Optional.empty();
        }
        return memberships.stream().filter(membership -> membership.covers(day)).map(TeamMembership::teamId)
                .findFirst().or(() -> memberships.isEmpty() ? Optional.ofNullable(teamId) : Optional.empty());
    }

    /** Whether the rep is with the company on that day. */
    public boolean activeOn(LocalDate day) {
        return !day.isBefore(hiredOn) && (leftOn == null || !day.isAfter(leftOn));
    }
}
