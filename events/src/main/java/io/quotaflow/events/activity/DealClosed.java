package io.quotaflow.events.activity;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A deal was won (成单).
 *
 * @param amount               in the organisation's reporting currency ({@code currency})
 * @param originalAmount       as the source reported it, in {@code originalCurrency}
 * @param grossMargin          the deal's gross margin in the reporting currency, when known
 * @param channel              the lead channel the customer came from, when known
 * @param opportunityCreatedAt when the opportunity was opened; with {@code occurredAt} it gives the sales cycle
 * @param dueDate              when payment is due (for collections)
 */
public record DealClosed(
        String source,
        String externalId,
        String repId,
        String customerId,
        String dealId,
        BigDecimal amount,
        String currency,
        BigDecimal originalAmount,
        String originalCurrency,
        BigDecimal grossMargin,
        String productLine,
        String regionId,
        LeadChannel channel,
        String promotionCode,
        Instant opportunityCreatedAt,
        LocalDate dueDate,
        Instant occurredAt) implements ActivityEvent {

    @Override
    public ActivityType type() {
        return ActivityType.DEAL_CLOSED;
    }
}
