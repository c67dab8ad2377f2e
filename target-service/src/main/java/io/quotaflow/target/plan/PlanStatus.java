package io.quotaflow.target.plan;

/** DRAFT while being planned, APPROVED once assigned, REVISED after a change to an approved plan. */
public enum PlanStatus {
    DRAFT, APPROVED, REVISED;

    /** Whether the plan's targets have been assigned (and so published). */
    public boolean isAssigned() {
        return this != DRAFT;
    }
}
