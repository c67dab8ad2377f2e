package io.quotaflow.kpi.scorecard.web;

import io.quotaflow.events.EntityType;
import io.quotaflow.events.TargetMetric;
import io.quotaflow.kpi.access.KpiAccess;
import io.quotaflow.kpi.access.Periods;
import io.quotaflow.kpi.aggregation.Figures;
import io.quotaflow.kpi.aggregation.domain.Scope;
import io.quotaflow.kpi.org.Org;
import io.quotaflow.kpi.scorecard.Funnels;
import io.quotaflow.kpi.scorecard.Leaderboards;
import io.quotaflow.kpi.scorecard.ScorecardViews.Funnel;
import io.quotaflow.kpi.scorecard.ScorecardViews.Leaderboard;
import io.quotaflow.kpi.scorecard.ScorecardViews.Scorecard;
import io.quotaflow.kpi.scorecard.Scorecards;
import io.quotaflow.platform.security.Caller;
import io.quotaflow.platform.security.Role;
import io.quotaflow.web.InvalidInputException;
import io.quotaflow.platform.web.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.YearMonth;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Scorecards of reps, teams, regions, product lines and the company; the leaderboard; the funnel. */
@RestController
class KpiController {

    private final Scorecards scorecards;
    private final Leaderboards leaderboards;
    private final Funnels funnels;
    private final Figures figures;
    private final KpiAccess access;
    private final Periods periods;
    private final Org org;

    KpiController(Scorecards scorecards, Leaderboards leaderboards, Funnels funnels, Figures figures, KpiAccess access,
                  Periods periods, Org org) {
        this.scorecards = scorecards;
        this.leaderboards = leaderboards;
        this.funnels = funnels;
        this.figures = figures;
        this.access = access;
        this.periods = periods;
        this.org = org;
    }

    @GetMapping("/api/kpis/reps/{repId}")
    Scorecard rep(@PathVariable String repId, @RequestParam(required = false) YearMonth period, Caller caller) {
        YearMonth month = periods.orCurrent(period);
        access.rep(caller, repId, month);
        return scorecards.of(known(Scope.rep(repId), month, !access.teamsOf(repId, month).isEmpty()), month);
    }

    @GetMapping("/api/kpis/teams/{teamId}")
    Scorecard team(@PathVariable String teamId, @RequestParam(required = false) YearMonth period, Caller caller) {
        YearMonth month = periods.orCurrent(period);
        access.team(caller, teamId);
        return scorecards.of(known(Scope.team(teamId), month, org.teams().contains(teamId)), month);
    }

    @GetMapping("/api/kpis/company")
    Scorecard company(@RequestParam(required = false) YearMonth period, Caller caller) {
        access.admin(caller);
        return scorecards.of(Scope.COMPANY, periods.orCurrent(period));
    }

    @GetMapping("/api/kpis/regions/{regionId}")
    Scorecard region(@PathVariable String regionId, @RequestParam(required = false) YearMonth period, Caller caller) {
        access.admin(caller);
        YearMonth month = periods.orCurrent(period);
        return scorecards.of(known(new Scope(EntityType.REGION, regionId), month, false), month);
    }

    @GetMapping("/api/kpis/product-lines/{productLineId}")
    Scorecard productLine(@PathVariable String productLineId, @RequestParam(required = false) YearMonth period,
                          Caller caller) {
        access.admin(caller);
        YearMonth month = periods.orCurrent(period);
        return scorecards.of(known(new Scope(EntityType.PRODUCT_LINE, productLineId), month,
                org.grossMarginOf(productLineId).isPresent()), month);
    }

    /**
     * Reps (default) or teams ranked on a metric. ADMIN: everyone, or one team's reps; MANAGER: their teams' reps
     * (or one of their teams), or their teams.
     */
    @GetMapping("/api/kpis/leaderboard")
    Leaderboard leaderboard(@RequestParam(required = false) YearMonth period,
                            @RequestParam(defaultValue = "REVENUE") TargetMetric metric,
                            @RequestParam(required = false) String teamId,
                            @RequestParam(defaultValue = "REP") EntityType level,
                            @RequestParam(defaultValue = "ACTUAL") Leaderboards.RankBy rankBy, Caller caller) {
        YearMonth month = periods.orCurrent(period);
        caller.requireAnyRole(Role.ADMIN, Role.MANAGER);
        if (level != EntityType.REP && level != EntityType.TEAM) {
            throw new InvalidInputException("level", "must be REP or TEAM");
        }
        List<String> teams = access.teams(caller, teamId);
        Set<Scope> candidates = new LinkedHashSet<>();
        if (level == EntityType.TEAM) {
            if (caller.isAdmin() && teamId == null) {
                candidates.addAll(figures.scopes(month, EntityType.TEAM));
            }
            teams.forEach(team -> candidates.add(Scope.team(team)));
        } else {
            if (caller.isAdmin() && teamId == null) {
                candidates.addAll(figures.scopes(month, EntityType.REP));
            }
            for (String team : teams) {
                org.membersDuring(team, month).forEach(rep -> candidates.add(Scope.rep(rep)));
                figures.month(Scope.team(team), month).breakdown(EntityType.REP).keySet()
                        .forEach(rep -> candidates.add(Scope.rep(rep)));
            }
        }
        return leaderboards.rank(month, metric, level.name(), candidates, rankBy);
    }

    /**
     * The funnel of a rep ({@code repId}), a team ({@code teamId}) or, without either, the company (ADMIN) or the
     * calling rep's own (REP).
     */
    @GetMapping("/api/kpis/funnel")
    Funnel funnel(@RequestParam(required = false) YearMonth period, @RequestParam(required = false) String teamId,
                  @RequestParam(required = false) String repId, Caller caller) {
        YearMonth month = periods.orCurrent(period);
        if (repId != null && teamId != null) {
            throw new InvalidInputException("repId", "name a rep or a team, not both");
        }
        if (repId != null) {
            access.rep(caller, repId, month);
            return funnels.of(Scope.rep(repId), month);
        }
        if (teamId != null) {
            access.team(caller, teamId);
            return funnels.of(Scope.team(teamId), month);
        }
        caller.requireAnyRole(Role.ADMIN, Role.MANAGER, Role.REP);
        if (caller.isAdmin()) {
            return funnels.of(Scope.COMPANY, month);
        }
        if (!caller.has(Role.MANAGER) && caller.repId() != null) {
            return funnels.of(Scope.rep(caller.repId()), month);
        }
        throw new InvalidInputException(caller.has(Role.MANAGER) ? "teamId" : "repId",
                "name the team or rep whose funnel you want; the company's is for admins");
    }

    private Scope known(Scope scope, YearMonth period, boolean orgKnows) {
        if (!scorecards.known(scope, period, orgKnows)) {
            throw new NotFoundException(scope.type().name().toLowerCase().replace('_', ' '), scope.id());
        }
        return scope;
    }
}
