package io.quotaflow.target.plan.web;

import io.quotaflow.platform.security.Caller;
import io.quotaflow.target.decomposition.EntityType;
import io.quotaflow.target.decomposition.NodeKey;
import io.quotaflow.target.plan.Adoption;
import io.quotaflow.target.plan.CommitmentInput;
import io.quotaflow.target.plan.PlanDraft;
import io.quotaflow.target.plan.PlanQueries;
import io.quotaflow.target.plan.PlanService;
import io.quotaflow.target.plan.PlanViews.AssignedTarget;
import io.quotaflow.target.plan.PlanViews.CommitmentView;
import io.quotaflow.target.plan.PlanViews.PlanSummary;
import io.quotaflow.target.plan.PlanViews.PlanView;
import io.quotaflow.target.plan.PlanViews.ReconciliationView;
import io.quotaflow.target.plan.PlanViews.TargetTable;
import io.quotaflow.target.plan.Revision;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.time.YearMonth;
import java.util.List;

/** The targets API: plans, their lifecycle, commitments, the target table and assigned targets. */
@RestController
class PlanController {

    private final PlanService plans;
    private final PlanQueries queries;

    PlanController(PlanService plans, PlanQueries queries) {
        this.plans = plans;
        this.queries = queries;
    }

    @PostMapping("/api/targets/plans")
    ResponseEntity<PlanView> create(@Valid @RequestBody PlanDraft draft, Caller caller) {
        PlanView plan = plans.create(draft, caller);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequestUri()
                .path("/{planId}").buildAndExpand(plan.planId()).toUri()).body(plan);
    }

    @PostMapping("/api/targets/plans:preview")
    PlanView preview(@Valid @RequestBody PlanDraft draft, Caller caller) {
        return plans.preview(draft, caller);
    }

    @GetMapping("/api/targets/plans")
    List<PlanSummary> list(@RequestParam YearMonth period, Caller caller) {
        return plans.list(period, caller);
    }

    @GetMapping("/api/targets/plans/{planId}")
    PlanView get(@PathVariable String planId, Caller caller) {
        return plans.get(planId, caller);
    }

    @PostMapping("/api/targets/plans/{planId}/approve")
    PlanView approve(@PathVariable String planId, Caller caller) {
        return plans.approve(planId, caller);
    }

    @PostMapping("/api/targets/plans/{planId}/revisions")
    @ResponseStatus(HttpStatus.CREATED)
    PlanView revise(@PathVariable String planId, @Valid @RequestBody Revision revision, Caller caller) {
        return plans.revise(planId, revision, caller);
    }

    @PostMapping("/api/targets/plans/{planId}/commitments")
    @ResponseStatus(HttpStatus.CREATED)
    CommitmentView commit(@PathVariable String planId, @Valid @RequestBody CommitmentInput commitment, Caller caller) {
        return plans.commit(planId, commitment, caller);
    }

    @GetMapping("/api/targets/plans/{planId}/reconciliation")
    ReconciliationView reconciliation(@PathVariable String planId, Caller caller) {
        return queries.reconciliation(planId, caller);
    }

    @PostMapping("/api/targets/plans/{planId}/adopt")
    PlanView adopt(@PathVariable String planId, @Valid @RequestBody Adoption adoption, Caller caller) {
        return plans.adopt(planId, adoption, caller);
    }

    @PutMapping("/api/targets/plans/{planId}/strategies/{entityType}/{entityId}")
    PlanView strategy(@PathVariable String planId, @PathVariable EntityType entityType, @PathVariable String entityId,
                      @Valid @RequestBody StrategyText body, Caller caller) {
        return plans.strategy(planId, new NodeKey(entityType, entityId), body.strategy(), caller);
    }

    @GetMapping(path = "/api/targets/plans/{planId}/table", produces = MediaType.APPLICATION_JSON_VALUE)
    TargetTable table(@PathVariable String planId, Caller caller) {
        return queries.table(planId, caller);
    }

    @GetMapping(path = "/api/targets/plans/{planId}/table", produces = "text/csv")
    ResponseEntity<byte[]> tableCsv(@PathVariable String planId, @RequestParam(defaultValue = "en") String lang,
                                    Caller caller) {
        TargetTable table = queries.table(planId, caller);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"targets-" + planId + ".csv\"")
                .body(TargetTableCsv.render(table, TargetTableCsv.Language.of(lang)));
    }

    @GetMapping("/api/targets")
    List<AssignedTarget> assigned(@RequestParam YearMonth period, @RequestParam(required = false) EntityType entityType,
                                  @RequestParam(required = false) String entityId, Caller caller) {
        return queries.assigned(period, entityType, entityId, caller);
    }

    record StrategyText(@NotNull @Size(max = 1000) String strategy) {
    }
}
