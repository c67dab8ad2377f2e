package io.quotaflow.events.activity;

import java.time.Instant;

/** A new lead (a prospective customer) was assigned to a rep. */
public record LeadCreated(
        String source,
        String externalId,
        String repId,
        String customerId,
        LeadChannel channel,
        String productLine,
        String regionId,
        String promotionCode,
        Instant occurredAt) implements ActivityEvent {

    @Override
    public ActivityType type() {
        return ActivityType.LEAD_CREATED;
    }
}
