package io.quotaflow.incentive.plan.web;

import io.quotaflow.incentive.domain.PlanDraft;
import io.quotaflow.incentive.plan.PlanService;
import io.quotaflow.incentive.plan.PlanView;
import io.quotaflow.platform.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Incentive plans: ADMIN saves them (a new version each change); every role but INTEGRATION reads them. */
@RestController
class PlanController {

    private final PlanService plans;

    PlanController(PlanService plans) {
        this.plans = plans;
    }

    /** 201 for a new plan, 200 for a new version or an unchanged plan (nothing stored then). */
    @PutMapping("/api/incentives/plans/{planId}")
    ResponseEntity<PlanView> put(@PathVariable String planId, @RequestBody PlanDraft draft, Caller caller) {
        PlanService.Saved saved = plans.put(planId, draft, caller);
        return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK).body(saved.plan());
    }

    @GetMapping("/api/incentives/plans")
    List<PlanView> list(Caller caller) {
        return plans.list(caller);
    }

    @GetMapping("/api/incentives/plans/{planId}")
    PlanView get(@PathVariable String planId, Caller caller) {
        return plans.get(planId, caller);
    }

    @GetMapping("/api/incentives/plans/{planId}/versions/{version}")
    PlanView version(@PathVariable String planId, @PathVariable int version, Caller caller) {
        return plans.version(planId, version, caller);
    }
}
