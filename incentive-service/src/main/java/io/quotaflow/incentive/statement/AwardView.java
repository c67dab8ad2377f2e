package io.quotaflow.incentive.statement;

import io.quotaflow.incentive.award.StatementLine;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/**
 * An award as {@code GET /api/incentives/awards} shows it: its unique id, rule, payee ({@code repId}), the period
 * it was earned in, what it has paid net of clawbacks, its tier and status, and the events behind it.
 */
public record AwardView(String awardId, String ruleId, String repId, YearMonth period, BigDecimal amount,
                        String currency, String tier, String status, List<UUID> sourceEventIds, String planId,
                        int planVersion, String ruleType, String description) {

    /** An award made by one line (a rank, a team bonus, an adjustment). */
    public static AwardView of(StatementLine line) {
        return new AwardView(line.awardId(), line.ruleId(), line.payeeId(), line.earnedIn(), line.amount(),
                line.currency(), line.tier(), line.amount().signum() >= 0 ? "AWARDED" : "CLAWED_BACK",
                line.sourceEventIds(), line.planId(), line.planVersion(), line.ruleType(), line.description());
    }
}
