package io.quotaflow.events.incentive;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/**
 * An incentive was awarded to a rep. There is at most one award per (rule, rep, period, tier).
 *
 * @param tier           which step of the rule paid, e.g. {@code 0.8} for a threshold, {@code 1} for a rank
 * @param period         the period whose statement pays it
 * @param sourceEventIds the events that triggered the award
 * @param earnedIn       the period it was earned in when that period was already closed and this is paid as an
 *                       adjustment in {@code period}; {@code null} otherwise
 */
public record IncentiveAwarded(
        String awardId,
        String planId,
        int planVersion,
        String ruleId,
        String ruleType,
        String repId,
        YearMonth period,
        BigDecimal amount,
        String currency,
        String tier,
        String description,
        List<UUID> sourceEventIds,
        Instant awardedAt,
        YearMonth earnedIn) implements IncentiveEvent {

    /** An award paid in the period it was earned in. */
    public IncentiveAwarded(String awardId, String planId, int planVersion, String ruleId, String ruleType,
                            String repId, YearMonth period, BigDecimal amount, String currency, String tier,
                            String description, List<UUID> sourceEventIds, Instant awardedAt) {
        this(awardId, planId, planVersion, ruleId, ruleType, repId, period, amount, currency, tier, description,
                sourceEventIds, awardedAt, null);
    }

    public IncentiveAwarded {
        sourceEventIds = sourceEventIds == null ? List.of() : List.copyOf(sourceEventIds);
    }

    @Override
    public String subject() {
        return repId;
    }
}
