package io.quotaflow.kpi.archfixture;

import io.quotaflow.target.archfixture.PlanLike;

/** kpi-service code that uses target-service's code instead of its events. */
public final class PlanPeek {

    public static String total(PlanLike plan) {
        return plan.total();
    }
}
