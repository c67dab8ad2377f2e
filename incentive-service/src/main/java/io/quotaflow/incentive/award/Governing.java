package io.quotaflow.incentive.award;

import io.quotaflow.events.org.RepChanged;
import io.quotaflow.incentive.domain.IncentivePlan;
import io.quotaflow.incentive.domain.MinimumActivity;
import io.quotaflow.incentive.domain.PayeeRole;
import io.quotaflow.incentive.domain.Proration;
import io.quotaflow.platform.org.OrgDirectory;
import io.quotaflow.incentive.plan.PlanCatalog;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * Which plans pay a rep for what happened on a day: those in effect that day that pay reps and cover the team the
 * rep was on that day (from the sales org). Also the rep's new-hire proration and minimum-activity check.
 */
@Component
public class Governing {

    private final PlanCatalog plans;
    private final OrgDirectory org;

    public Governing(PlanCatalog plans, OrgDirectory org) {
        this.plans = plans;
        this.org = org;
    }

    public List<IncentivePlan> plansFor(String repId, LocalDate day) {
        Optional<String> team = org.teamOf(repId, day);
        return plans.inEffectOn(day).stream()
                .filter(plan -> plan.eligibility().pays(PayeeRole.REP))
                .filter(plan -> plan.eligibility().coversTeam(team.orElse(null)))
                .toList();
    }

    /** Days of the period the rep was employed (the whole period when the org does not know the rep). */
    public long daysEmployed(String repId, YearMonth period) {
        Optional<RepChanged> rep = org.rep(repId);
        return rep.map(r -> Proration.daysEmployed(r.hiredOn(), r.leftOn(), period)).orElse((long) period.lengthOfMonth());
    }

    /** A fixed amount of the plan for the rep in the period: prorated for new hires and leavers if the plan says so. */
    public BigDecimal fixed(IncentivePlan plan, String repId, YearMonth period, BigDecimal amount) {
        return plan.eligibility().prorateNewHires()
                ? Proration.prorate(amount, daysEmployed(repId, period), period) : amount;
    }

    /** Whether the plan's minimum activity is met, given how much of each activity metric was done. */
    public static boolean activityMet(IncentivePlan plan, ToLongFunction<String> done) {
        MinimumActivity minimum = plan.eligibility().minimumActivity();
        return minimum == null || minimum.metBy(done.applyAsLong(minimum.metric().name()));
    }
}
