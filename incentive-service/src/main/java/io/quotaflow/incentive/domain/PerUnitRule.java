package io.quotaflow.incentive.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A SPIFF: {@code amount} per new customer or per won deal, optionally only for a product line, a promotion code
 * and deals closed within a window of days.
 */
public record PerUnitRule(String ruleId, Unit unit, BigDecimal amount, String productLine, String promotionCode,
                          LocalDate windowFrom, LocalDate windowTo) implements Rule {

    @Override
    public RuleType type() {
        return RuleType.PER_UNIT;
    }

    /** Whether a deal of {@code productLine} with {@code promotionCode}, closed on {@code day}, counts. */
    public boolean matches(String dealProductLine, String dealPromotionCode, LocalDate day) {
        return (productLine == null || productLine.equals(dealProductLine))
                && (promotionCode == null || promotionCode.equals(dealPromotionCode))
                && (windowFrom == null || !day.isBefore(windowFrom))
                && (windowTo == null || !day.isAfter(windowTo));
    }
}
