package io.quotaflow.events.target;

import io.quotaflow.events.DomainEvent;
import io.quotaflow.events.EntityRef;
import io.quotaflow.events.TargetMetric;

import java.time.YearMonth;

/**
 * Events published by target-service on the {@code targets} topic, keyed by {@link #subject()}.
 *
 * <p>For consumers: keep, per plan and node, the event with the highest {@link #planVersion()} and ignore
 * any event of a version lower than the one you hold. An event of an older version may arrive after a
 * newer one: a version's events are published again after a crash or a failed acknowledgement, and the
 * request that made a version and the outbox relay may both publish it, so the older version's copy can
 * land last. Duplicates carry the same {@code eventId}. Not every version reaches you: when versions follow
 * each other before the first was published, only the latest is, against the last one published
 * ({@code TargetRevised.previousVersion}).
 */
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
