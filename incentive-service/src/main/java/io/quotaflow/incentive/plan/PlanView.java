package io.quotaflow.incentive.plan;

import io.quotaflow.incentive.domain.PlanDraft;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A plan version as the API shows it: what was written, its version, who stored it and when. */
public record PlanView(String planId, int version, String name, LocalDate effectiveFrom, LocalDate effectiveTo,
                       String currency, PlanDraft.EligibilityDraft eligibility, List<PlanDraft.RuleDraft> rules,
                       Instant storedAt, String storedBy) {

    static PlanView of(StoredPlan stored) {
        PlanDraft draft = stored.draft();
        return new PlanView(stored.planId(), stored.version(), draft.name(), draft.effectiveFrom(), draft.effectiveTo(),
                draft.currency(), draft.eligibility(), draft.rules(), stored.storedAt(), stored.storedBy());
    }
}
