package io.quotaflow.kpi.access;

import io.quotaflow.kpi.calendar.BusinessCalendar;
import io.quotaflow.kpi.org.Org;
import io.quotaflow.platform.security.Caller;
import io.quotaflow.platform.security.Role;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Who may read which figures: an ADMIN everything; a MANAGER their teams and the reps who were on one of those teams
 * in the month asked about (or are now); a REP only themselves; INTEGRATION nothing. The company, regions and product
 * lines are for ADMINs.
 */
@Component
public class KpiAccess {

    private final Org org;
    private final Clock clock;
    private final BusinessCalendar calendar;

    public KpiAccess(Org org, Clock clock, BusinessCalendar calendar) {
        this.org = org;
        this.clock = clock;
        this.calendar = calendar;
    }

    public void rep(Caller caller, String repId, YearMonth period) {
        if (!canSeeRep(caller, repId, period)) {
            caller.requireAnyRole(Role.ADMIN, Role.MANAGER, Role.REP);
            throw new AccessDeniedException("not allowed to see rep " + repId);
        }
    }

    public boolean canSeeRep(Caller caller, String repId, YearMonth period) {
        if (caller.isAdmin() || (caller.has(Role.REP) && repId.equals(caller.repId()))) {
            return true;
        }
        return caller.has(Role.MANAGER) && teamsOf(repId, period).stream().anyMatch(caller.teamIds()::contains);
    }

    public void team(Caller caller, String teamId) {
        caller.requireAnyRole(Role.ADMIN, Role.MANAGER);
        caller.requireTeam(teamId);
    }

    public void admin(Caller caller) {
        caller.requireAnyRole(Role.ADMIN);
    }

    /** The teams whose figures the caller may see: all the org knows for an ADMIN, their own for a MANAGER. */
    public List<String> visibleTeams(Caller caller) {
        caller.requireAnyRole(Role.ADMIN, Role.MANAGER);
        if (caller.isAdmin()) {
            return org.teams();
        }
        return caller.teamIds().stream().sorted().toList();
    }

    /** The one team asked for (if the caller may see it), or else every team the caller may see. */
    public List<String> teams(Caller caller, String teamId) {
        if (teamId == null) {
            return visibleTeams(caller);
        }
        team(caller, teamId);
        return List.of(teamId);
    }

    /** The teams a rep was on during the month, and the rep's team today. */
    public Set<String> teamsOf(String repId, YearMonth period) {
        Set<String> teams = new LinkedHashSet<>(org.teamsDuring(repId, period));
        LocalDate today = calendar.day(clock.instant());
        org.teamOf(repId, today).ifPresent(teams::add);
        return teams;
    }
}
