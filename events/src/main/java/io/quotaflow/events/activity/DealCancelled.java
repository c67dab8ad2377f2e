package io.quotaflow.events.activity;

import java.time.Instant;

/** A won deal was cancelled (refund, contract withdrawn); it no longer counts, and awards on it are clawed back. */
public record DealCancelled(
        String source,
        String externalId,
        String repId,
        String customerId,
        String dealId,
        String reason,
        Instant occurredAt) implements ActivityEvent {

    @Override
    public ActivityType type() {
        return ActivityType.DEAL_CANCELLED;
    }
}
