package io.quotaflow.incentive.close;

import io.quotaflow.incentive.statement.AwardView;
import io.quotaflow.incentive.statement.Statement;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/**
 * A period as the close shows it: its state, who closed it and when, the awards the close made (ranks, team
 * bonuses) and, once closed, what its statements pay in all.
 */
public record PeriodView(YearMonth period, String status, String requestedBy, Instant requestedAt, String closedBy,
                         Instant closedAt, Integer awardCount, BigDecimal totalAmount, String currency,
                         List<AwardView> awards) {
}
