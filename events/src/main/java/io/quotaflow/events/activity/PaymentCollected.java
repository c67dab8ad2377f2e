package io.quotaflow.events.activity;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** Money was collected from a customer against a deal (回款). Amounts as in {@link DealClosed}. */
public record PaymentCollected(
        String source,
        String externalId,
        String repId,
        String customerId,
        String dealId,
        BigDecimal amount,
        String currency,
        BigDecimal originalAmount,
        String originalCurrency,
        LocalDate dueDate,
        Instant occurredAt) implements ActivityEvent {

    @Override
    public ActivityType type() {
        return ActivityType.PAYMENT_COLLECTED;
    }
}
