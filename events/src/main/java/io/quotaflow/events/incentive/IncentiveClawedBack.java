package io.quotaflow.events.incentive;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/**
 * (Part of) an award was taken back, e.g. because the deal it paid for was cancelled.
 *
 * @param period   the period whose statement takes it back
 * @param earnedIn the period the award was earned in when that period was already closed and this is taken back
 *                 as an adjustment in {@code period}; {@code null} otherwise
 */
public record IncentiveClawedBack(
        String clawbackId,
        String awardId,
        String ruleId,
        String repId,
        YearMonth period,
        BigDecimal amount,
        String currency,
        String reason,
        List<UUID> sourceEventIds,
        Instant clawedBackAt,
        YearMonth earnedIn) implements IncentiveEvent {

    /** A clawback in the period the award was earned in. */
    public IncentiveClawedBack(String clawbackId, String awardId, String ruleId, String repId, YearMonth period,
                               BigDecimal amount, String currency, String reason, List<UUID> sourceEventIds,
                               Instant clawedBackAt) {
        this(clawbackId, awardId, ruleId, repId, period, amount, currency, reason, sourceEventIds, clawedBackAt, null);
    }

    public IncentiveClawedBack {
        sourceEventIds = sourceEventIds == null ? List.of() : List.copyOf(sourceEventIds);
    }

    @Override
    public String subject() {
        return repId;
    }
}
