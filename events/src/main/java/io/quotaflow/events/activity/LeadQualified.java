package io.quotaflow.events.activity;

import java.time.Instant;

/** A lead showed real intent and became a qualified lead (意向客户). */
public record LeadQualified(
        String source,
        String externalId,
        String repId,
        String customerId,
        LeadChannel channel,
        String productLine,
        Instant occurredAt) implements ActivityEvent {

    @Override
    public ActivityType type() {
        return ActivityType.LEAD_QUALIFIED;
    }
}
