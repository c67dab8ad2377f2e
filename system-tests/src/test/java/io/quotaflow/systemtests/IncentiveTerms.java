package io.quotaflow.systemtests;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The incentive plan a test saves, and what it must pay, computed here by the plan's own words (API.md and
 * incentive-service's README): threshold tiers of the revenue target, commission 3 % up to the target and 5 %
 * above it (the accelerator) under a cap, an amount per new customer, and — decided at close — the top sellers by
 * revenue and a bonus for each member of a team at or above its target.
 */
record IncentiveTerms(Map<BigDecimal, BigDecimal> thresholds, BigDecimal cap, BigDecimal perNewCustomer,
                      List<BigDecimal> rankAmounts, BigDecimal teamBonusPerMember) {

    static final BigDecimal RATE_TO_TARGET = new BigDecimal("0.03");
    static final BigDecimal RATE_ABOVE_TARGET = new BigDecimal("0.05");

    /** The plan's JSON for {@code PUT /api/incentives/plans/{planId}}: the month, for the given teams' reps. */
    Map<String, Object> plan(String name, YearMonth period, List<String> teamIds) {
        List<Map<String, Object>> rules = new ArrayList<>();
        List<Map<String, Object>> tiers = new ArrayList<>();
        thresholds.forEach((level, amount) -> tiers.add(Map.of("level", level, "amount", amount.toPlainString())));
        rules.add(Map.of("ruleId", "threshold", "type", "THRESHOLD", "metric", "REVENUE", "tiers", tiers));
        rules.add(Map.of("ruleId", "commission", "type", "TIERED_COMMISSION", "metric", "REVENUE", "payOn", "CLOSE",
                "cap", cap.toPlainString(), "bands", List.of(
                        band(0.0, 1.0, RATE_TO_TARGET), band(1.0, null, RATE_ABOVE_TARGET))));
        rules.add(Map.of("ruleId", "new-customer", "type", "PER_UNIT", "unit", "NEW_CUSTOMER",
                "amount", perNewCustomer.toPlainString()));
        if (!rankAmounts.isEmpty()) {
            rules.add(Map.of("ruleId", "top-seller", "type", "RANK", "metric", "REVENUE",
                    "amounts", rankAmounts.stream().map(BigDecimal::toPlainString).toList()));
        }
        if (teamBonusPerMember != null) {
            rules.add(Map.of("ruleId", "team-bonus", "type", "TEAM_BONUS", "metric", "REVENUE", "level", 1.0,
                    "amountPerMember", teamBonusPerMember.toPlainString()));
        }
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("name", name);
        plan.put("effectiveFrom", period.atDay(1).toString());
        plan.put("effectiveTo", period.atEndOfMonth().toString());
        plan.put("currency", "CNY");
        plan.put("eligibility", Map.of("roles", List.of("REP"), "teamIds", teamIds));
        plan.put("rules", rules);
        return plan;
    }

    private static Map<String, Object> band(double from, Double to, BigDecimal rate) {
        Map<String, Object> band = new LinkedHashMap<>();
        band.put("from", from);
        band.put("to", to);
        band.put("rate", rate);
        return band;
    }

    /** Commission on {@code actual} against {@code target}: each band's rate on the part within it, capped. */
    BigDecimal commission(BigDecimal actual, BigDecimal target) {
        BigDecimal upToTarget = actual.min(target).multiply(RATE_TO_TARGET);
        BigDecimal above = actual.subtract(target).max(BigDecimal.ZERO).multiply(RATE_ABOVE_TARGET);
        return upToTarget.add(above).min(cap).setScale(2, RoundingMode.HALF_UP);
    }

    /**
     * The awards a rep holds while the month is open, as rule → the amounts of its awards that pay something,
     * smallest first: the tiers reached, the commission, one per new customer.
     */
    Map<String, List<BigDecimal>> openAwards(BigDecimal actual, BigDecimal target, long newCustomers) {
        Map<String, List<BigDecimal>> awards = new TreeMap<>();
        thresholds.forEach((level, amount) -> {
            if (actual.compareTo(level.multiply(target)) >= 0) {
                awards.computeIfAbsent("threshold", rule -> new ArrayList<>()).add(amount.setScale(2));
            }
        });
        BigDecimal commission = commission(actual, target);
        if (commission.signum() > 0) {
            awards.put("commission", new ArrayList<>(List.of(commission)));
        }
        for (long i = 0; i < newCustomers; i++) {
            awards.computeIfAbsent("new-customer", rule -> new ArrayList<>()).add(perNewCustomer.setScale(2));
        }
        awards.values().forEach(amounts -> amounts.sort(Comparator.naturalOrder()));
        return awards;
    }

    /** The rank awards of the close: reps by revenue, highest first (the tests' revenues are all different). */
    Map<String, BigDecimal> rankAwards(Map<String, BigDecimal> revenueByRep) {
        List<Map.Entry<String, BigDecimal>> ranked = revenueByRep.entrySet().stream()
                .filter(entry -> entry.getValue().signum() > 0)
                .sorted(Map.Entry.<String, BigDecimal>comparingByValue().reversed())
                .toList();
        Map<String, BigDecimal> awards = new LinkedHashMap<>();
        for (int place = 0; place < Math.min(rankAmounts.size(), ranked.size()); place++) {
            awards.put(ranked.get(place).getKey(), rankAmounts.get(place).setScale(2));
        }
        return awards;
    }

    static BigDecimal sum(Map<String, List<BigDecimal>> awards) {
        return awards.values().stream().flatMap(List::stream).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2);
    }
}
