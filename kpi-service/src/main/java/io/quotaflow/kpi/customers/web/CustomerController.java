package io.quotaflow.kpi.customers.web;

import io.quotaflow.events.kpi.CustomerTier;
import io.quotaflow.kpi.access.KpiAccess;
import io.quotaflow.kpi.access.Periods;
import io.quotaflow.kpi.customers.CustomerInsights;
import io.quotaflow.kpi.customers.CustomerViews.HighIntent;
import io.quotaflow.kpi.customers.CustomerViews.Tiers;
import io.quotaflow.platform.security.Caller;
import io.quotaflow.platform.security.Role;
import io.quotaflow.web.InvalidInputException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;


/** Customer tiers per team and a rep's high-intent follow-up list. */
@RestController
class CustomerController {

    static final int MAX_LIMIT = 200;

    private final CustomerInsights insights;
    private final KpiAccess access;
    private final Periods periods;

    CustomerController(CustomerInsights insights, KpiAccess access, Periods periods) {
        this.insights = insights;
        this.access = access;
        this.periods = periods;
    }

    /** A team's customers by tier; without {@code teamId}, every team the caller may see. */
    @GetMapping("/api/kpis/customers/tiers")
    Tiers tiers(@RequestParam(required = false) String teamId, @RequestParam(required = false) CustomerTier tier,
                Caller caller) {
        return insights.tiers(access.teams(caller, teamId), tier);
    }

    /** A rep's customers ranked by intent; a REP's own list by default. */
    @GetMapping("/api/kpis/customers/high-intent")
    HighIntent highIntent(@RequestParam(required = false) String repId,
                          @RequestParam(defaultValue = "20") int limit, Caller caller) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("limit", "must be from 1 to " + MAX_LIMIT);
        }
        String rep = repId != null ? repId : caller.has(Role.REP) ? caller.repId() : null;
        if (rep == null) {
            caller.requireAnyRole(Role.ADMIN, Role.MANAGER, Role.REP);
            throw new InvalidInputException("repId", "name the rep whose follow-up list you want");
        }
        access.rep(caller, rep, periods.orCurrent(null));
        return insights.highIntent(rep, limit);
    }
}
