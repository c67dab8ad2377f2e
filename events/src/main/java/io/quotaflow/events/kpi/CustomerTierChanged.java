package io.quotaflow.events.kpi;

import java.math.BigDecimal;
import java.time.Instant;

/** A customer moved between value tiers. Keyed by customer. */
public record CustomerTierChanged(
        String customerId,
        String repId,
        CustomerTier previousTier,
        CustomerTier tier,
        BigDecimal score,
        String reason,
        Instant changedAt) implements KpiEvent {

    @Override
    public String subject() {
        return customerId;
    }
}
