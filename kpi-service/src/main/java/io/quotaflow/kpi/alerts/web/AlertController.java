package io.quotaflow.kpi.alerts.web;

import io.quotaflow.events.EntityType;
import io.quotaflow.events.kpi.KpiAnomalyDetected.AlertStatus;
import io.quotaflow.kpi.access.KpiAccess;
import io.quotaflow.kpi.access.Periods;
import io.quotaflow.kpi.alerts.Alerts;
import io.quotaflow.kpi.alerts.AlertViews;
import io.quotaflow.kpi.org.Org;
import io.quotaflow.platform.security.Caller;
import io.quotaflow.platform.security.Role;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Anomalies and pace warnings with their evidence. */
@RestController
class AlertController {

    private final Alerts alerts;
    private final KpiAccess access;
    private final Periods periods;
    private final Org org;

    AlertController(Alerts alerts, KpiAccess access, Periods periods, Org org) {
        this.alerts = alerts;
        this.access = access;
        this.periods = periods;
        this.org = org;
    }

    /**
     * The month's alerts the caller may see: an ADMIN all (or one team's and its reps'), a MANAGER their teams' and
     * those teams' reps', a REP their own. {@code status}: RAISED (default) or CLEARED; all without it when
     * {@code all=true}.
     */
    @GetMapping("/api/kpis/alerts")
    AlertViews.Alerts list(@RequestParam(required = false) YearMonth period,
                           @RequestParam(required = false) String teamId,
                           @RequestParam(required = false) AlertStatus status, Caller caller) {
        YearMonth month = periods.orCurrent(period);
        caller.requireAnyRole(Role.ADMIN, Role.MANAGER, Role.REP);
        Set<String> scopes = null;
        if (teamId != null) {
            access.team(caller, teamId);
            scopes = teamScopes(List.of(teamId), month);
        } else if (!caller.isAdmin()) {
            scopes = new HashSet<>();
            if (caller.has(Role.MANAGER)) {
                scopes.addAll(teamScopes(List.copyOf(caller.teamIds()), month));
            }
            if (caller.has(Role.REP) && caller.repId() != null) {
                scopes.add(EntityType.REP + ":" + caller.repId());
            }
        }
        return alerts.of(month, scopes, status);
    }

    private Set<String> teamScopes(List<String> teams, YearMonth month) {
        Set<String> scopes = new HashSet<>();
        for (String team : teams) {
            scopes.add(EntityType.TEAM + ":" + team);
            org.membersDuring(team, month).forEach(rep -> scopes.add(EntityType.REP + ":" + rep));
        }
        return scopes;
    }
}
