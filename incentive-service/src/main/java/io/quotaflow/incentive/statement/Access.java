package io.quotaflow.incentive.statement;

import io.quotaflow.platform.org.OrgDirectory;
import io.quotaflow.platform.security.Caller;
import io.quotaflow.platform.security.Role;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Who may see a payee's incentives: ADMIN everyone, a REP themselves, a MANAGER the reps who were on one of their
 * teams on some day of the period (and themselves, as a payee of team bonuses).
 */
@Component
public class Access {

    private final OrgDirectory org;

    public Access(OrgDirectory org) {
        this.org = org;
    }

    public void requirePayee(Caller caller, String payeeId, YearMonth period) {
        if (!canSeePayee(caller, payeeId, period)) {
            throw new AccessDeniedException("not allowed to see the incentives of " + payeeId);
        }
    }

    public boolean canSeePayee(Caller caller, String payeeId, YearMonth period) {
        if (caller.isAdmin() || payeeId.equals(caller.repId())
                || (caller.has(Role.MANAGER) && payeeId.equals(caller.subject()))) {
            return true;
        }
        return caller.has(Role.MANAGER) && teamsOf(payeeId, period).stream().anyMatch(caller::canSeeTeam);
    }

    /** The teams the rep was on during the period. */
    public Set<String> teamsOf(String repId, YearMonth period) {
        Set<String> teams = new LinkedHashSet<>();
        for (LocalDate day = period.atDay(1); !day.isAfter(period.atEndOfMonth()); day = day.plusDays(1)) {
            org.teamOf(repId, day).ifPresent(teams::add);
        }
        return teams;
    }
}
