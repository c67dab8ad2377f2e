package io.quotaflow.localstack.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A generated demo: the reps, the history months' activity (for the CSV import) and the demo month's (for the
 * stream), with the figures Quotaflow should show for what was sent — computed here from the activities alone, as
 * the KPI formulas define them, so a test can compare them with the KPI API.
 */
public record DemoData(DemoScenario scenario, YearMonth month, ZoneId zone, List<DemoRep> reps,
                       List<DemoActivity> history, List<DemoActivity> current) {

    public List<YearMonth> historyMonths() {
        List<YearMonth> months = new ArrayList<>();
        for (int i = scenario.historyMonths(); i >= 1; i--) {
            months.add(month.minusMonths(i));
        }
        return months;
    }

    public List<DemoActivity> historyOf(YearMonth historyMonth) {
        return history.stream().filter(a -> in(a, historyMonth)).toList();
    }

    /**
     * Revenue of won deals in {@code period} that are not cancelled by any of {@code sent} (KPI's revenue), for one
     * rep or, with {@code repId} null, everyone.
     */
    public static BigDecimal revenue(Collection<DemoActivity> sent, String repId, YearMonth period, ZoneId zone) {
        Set<String> cancelled = new HashSet<>();
        sent.stream().filter(a -> a.type().equals("DEAL_CANCELLED")).forEach(a -> cancelled.add(a.field("dealId")));
        return sent.stream()
                .filter(a -> a.type().equals("DEAL_CLOSED") && !cancelled.contains(a.field("dealId")))
                .filter(a -> repId == null || repId.equals(a.repId()))
                .filter(a -> YearMonth.from(a.occurredAt().atZone(zone)).equals(period))
                .map(DemoActivity::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(2, RoundingMode.UNNECESSARY);
    }

    /** How many activities of {@code sent} match, in {@code period}, for one rep (or everyone). */
    public static long count(Collection<DemoActivity> sent, String repId, YearMonth period, ZoneId zone,
                             Predicate<DemoActivity> which) {
        return sent.stream()
                .filter(a -> repId == null || repId.equals(a.repId()))
                .filter(a -> YearMonth.from(a.occurredAt().atZone(zone)).equals(period))
                .filter(which)
                .count();
    }

    /** Everything of both, history first: what has been sent once {@code streamed} of the month went out. */
    public List<DemoActivity> sentAfter(int streamed) {
        List<DemoActivity> sent = new ArrayList<>(history);
        sent.addAll(current.subList(0, Math.min(streamed, current.size())));
        return sent;
    }

    /** The month's revenue target: what the whole month will bring, stretched, rounded up to 10,000. */
    public BigDecimal revenueTarget() {
        return revenueTarget(month);
    }

    /** The revenue target of the demo month or a history month, set the same way. */
    public BigDecimal revenueTarget(YearMonth period) {
        BigDecimal month = revenue(sentAfter(current.size()), null, period, zone);
        return roundUp(month.multiply(BigDecimal.valueOf(1 + scenario.targetStretch())), 10_000);
    }

    /** New customers the month will bring (a customer's first won deal that stands), stretched, at least one. */
    public long newCustomersTarget() {
        Set<String> seen = new HashSet<>();
        Set<String> cancelled = new HashSet<>();
        List<DemoActivity> all = sentAfter(current.size());
        all.stream().filter(a -> a.type().equals("DEAL_CANCELLED")).forEach(a -> cancelled.add(a.field("dealId")));
        long fresh = 0;
        for (DemoActivity a : all) {
            if (a.type().equals("DEAL_CLOSED") && !cancelled.contains(a.field("dealId"))
                    && seen.add(a.field("customerId")) && YearMonth.from(a.occurredAt().atZone(zone)).equals(month)) {
                fresh++;
            }
        }
        return Math.max(1, Math.round(fresh * (1 + scenario.targetStretch())));
    }

    /** The month's calls, stretched, at least ten. */
    public long callsTarget() {
        long calls = count(current, null, month, zone, a -> "CALL".equals(a.field("channel")));
        return Math.max(10, Math.round(calls * (1 + scenario.targetStretch()) / 10.0) * 10);
    }

    /** Last month's revenue per region, the history the GROWTH allocation weighs regions by (empty without history). */
    public Map<String, BigDecimal> lastMonthRevenueByRegion() {
        return lastMonthRevenueByRegion(month);
    }

    /** The revenue per region of the month before {@code period}, as far as the history holds it. */
    public Map<String, BigDecimal> lastMonthRevenueByRegion(YearMonth period) {
        Map<String, BigDecimal> byRegion = new LinkedHashMap<>();
        YearMonth last = period.minusMonths(1);
        if (!historyMonths().contains(last)) {
            return byRegion;
        }
        for (DemoScenario.Region region : DemoScenario.REGIONS) {
            List<DemoActivity> ofRegion = history.stream()
                    .filter(a -> !a.type().equals("DEAL_CLOSED") || region.id().equals(a.field("regionId")))
                    .toList();
            BigDecimal amount = revenue(ofRegion, null, last, zone);
            if (amount.signum() > 0) {
                byRegion.put(region.id(), amount);
            }
        }
        return byRegion;
    }

    private boolean in(DemoActivity activity, YearMonth period) {
        return YearMonth.from(activity.occurredAt().atZone(zone)).equals(period);
    }

    private static BigDecimal roundUp(BigDecimal amount, long step) {
        BigDecimal steps = amount.divide(BigDecimal.valueOf(step), 0, RoundingMode.CEILING);
        return steps.max(BigDecimal.ONE).multiply(BigDecimal.valueOf(step)).setScale(2, RoundingMode.UNNECESSARY);
    }
}
