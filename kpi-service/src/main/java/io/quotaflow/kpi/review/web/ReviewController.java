package io.quotaflow.kpi.review.web;

import io.quotaflow.kpi.access.KpiAccess;
import io.quotaflow.kpi.access.Periods;
import io.quotaflow.kpi.aggregation.domain.Scope;
import io.quotaflow.kpi.review.ReviewViews.Review;
import io.quotaflow.kpi.review.Reviews;
import io.quotaflow.platform.security.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.YearMonth;

/** The month-end review of a team (its MANAGER, an ADMIN) or of the company (an ADMIN). */
@RestController
class ReviewController {

    private final Reviews reviews;
    private final KpiAccess access;
    private final Periods periods;

    ReviewController(Reviews reviews, KpiAccess access, Periods periods) {
        this.reviews = reviews;
        this.access = access;
        this.periods = periods;
    }

    @GetMapping("/api/kpis/review")
    Review review(@RequestParam(required = false) YearMonth period, @RequestParam(required = false) String teamId,
                  Caller caller) {
        YearMonth month = periods.orCurrent(period);
        if (teamId != null) {
            access.team(caller, teamId);
            return reviews.of(Scope.team(teamId), month);
        }
        access.admin(caller);
        return reviews.of(Scope.COMPANY, month);
    }
}
