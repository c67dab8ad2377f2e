package io.quotaflow.incentive.plan;

import io.quotaflow.incentive.domain.PlanDraft;
import org.springframework.data.annotation.Id;

import java.time.Instant;

/**
 * A plan version as stored: the draft as the client wrote it (validated), its number, who stored it and when. The
 * collection {@code incentive_plans} holds the latest version of each plan under the plan id;
 * {@code incentive_plan_versions} every version under {@code planId@vN}.
 */
record StoredPlan(@Id String id, String planId, int version, PlanDraft draft, Instant storedAt, String storedBy) {

    static String versionId(String planId, int version) {
        return planId + "@v" + version;
    }
}
