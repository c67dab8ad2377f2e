package io.quotaflow.events.activity;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An opportunity (a deal in progress) moved to another pipeline stage.
 *
 * @param amount           the opportunity's expected amount in the reporting currency ({@code currency}), when known
 * @param originalAmount   as the source reported it, in {@code originalCurrency} (added within version 1)
 */
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
        Instant occurredAt,
        BigDecimal originalAmount,
        String originalCurrency) implements ActivityEvent {

    /** The event without the original amount (as first published). */
    public OpportunityStageChanged(String source, String externalId, String repId, String customerId, String dealId,
                                   String stage, BigDecimal amount, String currency, Instant opportunityCreatedAt,
                                   Instant occurredAt) {
        this(source, externalId, repId, customerId, dealId, stage, amount, currency, opportunityCreatedAt, occurredAt,
                null, null);
    }

    @Override
    public ActivityType type() {
        return ActivityType.OPPORTUNITY_STAGE_CHANGED;
    }
}
