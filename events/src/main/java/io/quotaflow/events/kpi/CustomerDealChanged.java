package io.quotaflow.events.kpi;

import io.quotaflow.events.activity.LeadChannel;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * Whether a deal counts for its customer (won and not cancelled) and with which facts, as of the deal's
 * {@code sequence}-th change. A consumer keeps, per deal, the highest sequence it has seen.
 *
 * @param counted  {@code true} while the deal is won and not cancelled
 * @param teamId   the closing rep's team on the closing day (as attributed when the deal was counted)
 * @param causedBy the activity event that changed the deal
 */
public record CustomerDealChanged(
        String customerId,
        String dealId,
        long sequence,
        boolean counted,
        String repId,
        String teamId,
        String regionId,
        String productLine,
        LeadChannel channel,
        String promotionCode,
        BigDecimal amount,
        Instant closedAt,
        UUID causedBy) implements CustomerDealEvent {

    @Override
    public String subject() {
        return customerId;
    }
}
