package io.quotaflow.incentive.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * An incentive plan as a client writes it ({@code PUT /api/incentives/plans/{planId}}) and as it is stored: every
 * field optional at this stage, enums as text, so that {@link PlanValidator} can name each bad field in one answer.
 */
public record PlanDraft(
        String name,
        LocalDate effectiveFrom,
        LocalDate effectiveTo,
        String currency,
        EligibilityDraft eligibility,
        List<RuleDraft> rules) {

    /** Who a plan pays: roles ({@code REP}, {@code MANAGER}), teams (all when absent), minimum activity, proration. */
    public record EligibilityDraft(List<String> roles, List<String> teamIds, MinimumActivityDraft minimumActivity,
                                   Boolean prorateNewHires) {
    }

    /** At least {@code count} of an activity metric ({@code VISITS}, {@code CALLS}, …) in the period. */
    public record MinimumActivityDraft(String metric, Long count) {
    }

    /**
     * One rule; which fields apply depends on {@code type}. A field a type does not use is refused, so that a
     * misplaced {@code cap} is not silently ignored.
     */
    public record RuleDraft(
            String ruleId,
            String type,
            String metric,
            BigDecimal level,
            BigDecimal amount,
            List<TierDraft> tiers,
            String payOn,
            List<BandDraft> bands,
            BigDecimal cap,
            BigDecimal floor,
            String unit,
            String productLine,
            String promotionCode,
            WindowDraft window,
            List<BigDecimal> amounts,
            String tieRule,
            BigDecimal amountPerMember,
            BigDecimal pool) {
    }

    /** A threshold step: reaching {@code level} of the target pays {@code amount}. */
    public record TierDraft(BigDecimal level, BigDecimal amount) {
    }

    /** A commission band: attainment from {@code from} (inclusive) to {@code to} (exclusive; open when null). */
    public record BandDraft(BigDecimal from, BigDecimal to, BigDecimal rate) {
    }

    /** Dates, both included, in the organisation's time zone. */
    public record WindowDraft(LocalDate from, LocalDate to) {
    }
}
