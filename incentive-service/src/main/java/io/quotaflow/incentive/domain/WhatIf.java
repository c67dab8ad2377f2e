package io.quotaflow.incentive.domain;

import io.quotaflow.events.TargetMetric;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A rep's estimated extra pay if they closed one more deal: what each rule of their plan would pay for it, from
 * where the rep stands now. Commission: what the bands owe on the period's revenue with the deal minus without it
 * (so a deal that crosses into an accelerator band is paid at both rates, and the cap holds). Thresholds: the tiers
 * the deal would newly reach. SPIFFs: the deal's, and the new customer's if it is one. Ranks and team bonuses are
 * decided at close and not estimated.
 */
public final class WhatIf {

    private WhatIf() {
    }

    /** The deal imagined: its amount (and gross margin, when known), product line, promotion, day; a new customer? */
    public record Deal(BigDecimal amount, BigDecimal grossMargin, String productLine, String promotionCode,
                       LocalDate day, boolean newCustomer) {
    }

    /** Where the rep stands in one metric: the actual so far and the target (null when none). */
    public record Standing(BigDecimal actual, BigDecimal target) {
    }

    /**
     * Where the rep stands under the plan.
     *
     * @param commissionBase  per commission metric, what the plan's commission is computed on so far, with the target
     * @param kpis            per metric, attainment as kpi-service last reported it (for thresholds)
     * @param reachedTiers    the threshold tiers already awarded, as {@code ruleId|tier}
     * @param daysEmployed    days of the period the rep is employed (proration)
     * @param activityMet     whether the plan's minimum activity is met (otherwise pay is held until it is)
     */
    public record Situation(YearMonth period, Map<TargetMetric, Standing> commissionBase,
                            Map<TargetMetric, Standing> kpis, Set<String> reachedTiers, long daysEmployed,
                            boolean activityMet) {
    }

    /** What one rule would pay for the deal. */
    public record Estimate(String ruleId, RuleType ruleType, BigDecimal amount, String explanation) {
    }

    public static List<Estimate> estimate(IncentivePlan plan, Situation situation, Deal deal) {
        List<Estimate> estimates = new ArrayList<>();
        String held = situation.activityMet() ? "" : "; held until the minimum activity is met";
        for (Rule rule : plan.rules()) {
            if (rule instanceof CommissionRule commission) {
                estimates.add(commission(commission, situation, deal, held));
            } else if (rule instanceof ThresholdRule threshold) {
                estimates.addAll(thresholds(plan, threshold, situation, deal, held));
            } else if (rule instanceof PerUnitRule perUnit) {
                boolean counts = perUnit.matches(deal.productLine(), deal.promotionCode(), deal.day())
                        && (perUnit.unit() == Unit.DEAL || deal.newCustomer());
                if (counts) {
                    estimates.add(new Estimate(rule.ruleId(), rule.type(), perUnit.amount(),
                            (perUnit.unit() == Unit.DEAL ? "per matching deal" : "per new customer") + held));
                }
            }
        }
        return estimates;
    }

    private static Estimate commission(CommissionRule rule, Situation situation, Deal deal, String held) {
        if (rule.onCollections()) {
            return new Estimate(rule.ruleId(), rule.type(), Money.ZERO, "paid on money collected, not on deals closed");
        }
        BigDecimal added = rule.metric() == TargetMetric.GROSS_MARGIN ? deal.grossMargin() : deal.amount();
        if (added == null) {
            return new Estimate(rule.ruleId(), rule.type(), Money.ZERO, "commission on gross margin: give the deal's margin");
        }
        Standing now = situation.commissionBase().getOrDefault(rule.metric(), new Standing(BigDecimal.ZERO, null));
        BigDecimal before = Commission.earned(rule, now.actual(), now.target());
        BigDecimal after = Commission.earned(rule, now.actual().add(added), now.target());
        String when = rule.payOn() == PayOn.COLLECTION ? "; paid as the deal's money is collected" : "";
        String capped = rule.cap() != null && after.compareTo(rule.cap()) >= 0 ? "; capped at " + rule.cap().toPlainString() : "";
        return new Estimate(rule.ruleId(), rule.type(), after.subtract(before), "commission on " + rule.metric() + " "
                + now.actual().toPlainString() + " → " + now.actual().add(added).toPlainString() + capped + when + held);
    }

    private static List<Estimate> thresholds(IncentivePlan plan, ThresholdRule rule, Situation situation, Deal deal,
                                             String held) {
        BigDecimal added = switch (rule.metric()) {
            case REVENUE -> deal.amount();
            case GROSS_MARGIN -> deal.grossMargin();
            case DEALS -> BigDecimal.ONE;
            case NEW_CUSTOMERS -> deal.newCustomer() ? BigDecimal.ONE : BigDecimal.ZERO;
            default -> null;
        };
        Standing now = situation.kpis().get(rule.metric());
        List<Estimate> estimates = new ArrayList<>();
        if (added == null || now == null || now.target() == null) {
            return estimates;
        }
        BigDecimal after = now.actual().add(added);
        for (ThresholdRule.Tier tier : rule.tiers()) {
            if (!situation.reachedTiers().contains(rule.ruleId() + "|" + tier.name())
                    && ThresholdRule.reached(tier.level(), after, now.target(), null)) {
                BigDecimal amount = plan.eligibility().prorateNewHires()
                        ? Proration.prorate(tier.amount(), situation.daysEmployed(), situation.period()) : tier.amount();
                estimates.add(new Estimate(rule.ruleId(), rule.type(), amount, rule.metric() + " would reach "
                        + tier.level().movePointRight(2).stripTrailingZeros().toPlainString() + "% of target ("
                        + after.toPlainString() + " of " + now.target().toPlainString() + ")" + held));
            }
        }
        return estimates;
    }
}
