package io.quotaflow.events.incentive;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;

/** A period was closed: rank awards were made and statements frozen. Keyed by period. */
public record PeriodClosed(
        YearMonth period,
        int awardCount,
        BigDecimal totalAmount,
        String currency,
        String closedBy,
        Instant closedAt) implements IncentiveEvent {

    @Override
    public String subject() {
        return period.toString();
    }
}
