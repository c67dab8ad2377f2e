package io.quotaflow.target.archfixture;

/** Stands for target-service's own code. */
public record PlanLike(String total) {
}
