package io.quotaflow.events.incentive;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/** (Part of) an award was taken back, e.g. because the deal it paid for was cancelled. */
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
        Instant clawedBackAt) implements IncentiveEvent {

    public IncentiveClawedBack {
        sourceEventIds = sourceEventIds == null ? List.of() : List.copyOf(sourceEventIds);
    }

    @Override
    public String subject() {
        return repId;
    }
}
