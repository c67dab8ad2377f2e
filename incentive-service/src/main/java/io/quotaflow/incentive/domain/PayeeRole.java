package io.quotaflow.incentive.domain;

/** Who a plan can pay: reps, and team managers (for team bonuses). */
public enum PayeeRole {
    REP, MANAGER
}
