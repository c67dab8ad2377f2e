package io.quotaflow.events.activity;

import java.math.BigDecimal;
import java.time.Instant;

/** An opportunity (a deal in progress) moved to another pipeline stage. */
public record OpportunityStageChanged(
        String source,
        String externalId,
        String repId,
        String customerId,
        String dealId,
        String stage,
        BigDecimal amount,
        String currency,
        Instant opportunityCreatedAt,
        Instant occurredAt) implements ActivityEvent {

    @Override
    public ActivityType type() {
        return ActivityType.OPPORTUNITY_STAGE_CHANGED;
    }
}
