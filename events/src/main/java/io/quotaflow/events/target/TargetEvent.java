package io.quotaflow.events.target;

import io.quotaflow.events.DomainEvent;
import io.quotaflow.events.EntityRef;
import io.quotaflow.events.TargetMetric;

import java.time.YearMonth;

/** Events published by target-service on the {@code targets} topic, keyed by {@link #subject()}. */
public sealed interface TargetEvent extends DomainEvent permits TargetAssigned, TargetRevised {

    String planId();

    int planVersion();

    YearMonth period();

    TargetMetric metric();

    EntityRef entity();

    /** Keyed by node ({@code REP:r-001}), so the assignment and revisions of one node stay in order. */
    @Override
    default String subject() {
        return entity().key();
    }
}
