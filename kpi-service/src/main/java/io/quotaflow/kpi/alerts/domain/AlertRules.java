package io.quotaflow.kpi.alerts.domain;

import io.quotaflow.events.TargetMetric;
import io.quotaflow.events.kpi.Severity;
import io.quotaflow.kpi.aggregation.domain.Measure;
import io.quotaflow.kpi.attainment.domain.Standing;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The alert rules, over a scope's daily figures and standings as of today:
 * <ul>
 *   <li><b>CONVERSION_DROP</b>: deals won / leads over the last 7 days (today included) at least
 *       {@code conversionDrop} below the same ratio over the 28 days before them (the trailing 4-week average,
 *       pooled: all their deals over all their leads).</li>
 *   <li><b>ACTIVITY_DROP</b>: follow-ups of the last 7 days at least {@code activityDrop} below the weekly average
 *       of the 28 days before them.</li>
 *   <li><b>PACE_BEHIND</b> (per target metric): after the first {@code paceAfterDays} days of the month, pace below
 *       1 − {@code paceMargin}; CRITICAL below 1 − 2 × margin.</li>
 *   <li><b>COLLECTIONS_LAG</b>: collected / due, both month to date, below {@code collectionRate}.</li>
 * </ul>
 * Judged only on enough volume (see {@link AlertPolicy}). A drop at least half way from its threshold to 100 % is
 * CRITICAL (conversion down 60 %, activity down 75 % with the defaults), as is pace below 1 − 2 × margin and a
 * collection rate below half its threshold; the rest are WARNINGs.
 */
public final class AlertRules {

    public static final String CONVERSION_DROP = "CONVERSION_DROP";
    public static final String ACTIVITY_DROP = "ACTIVITY_DROP";
    public static final String PACE_BEHIND = "PACE_BEHIND";
    public static final String COLLECTIONS_LAG = "COLLECTIONS_LAG";
    private static final MathContext PRECISION = MathContext.DECIMAL64;
    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    private final AlertPolicy policy;

    public AlertRules(AlertPolicy policy) {
        this.policy = policy;
    }

    /**
     * What holds for a scope today.
     *
     * @param daily     the scope's total of a measure over a range of days (both included)
     * @param standings the scope's standing per target metric in the month of {@code today}
     */
    public List<Finding> evaluate(String scopeName, LocalDate today, BiFunction<Range, Measure, BigDecimal> daily,
                                  Map<TargetMetric, Standing> standings) {
        List<Finding> findings = new ArrayList<>();
        Range last7 = new Range(today.minusDays(6), today);
        Range before = new Range(today.minusDays(34), today.minusDays(7));
        conversion(scopeName, last7, before, daily, findings);
        activity(scopeName, last7, before, daily, findings);
        pace(scopeName, today, standings, findings);
        collections(scopeName, today, daily, findings);
        return findings;
    }

    /** Days from {@code from} to {@code to}, both included. */
    public record Range(LocalDate from, LocalDate to) {
        @Override
        public String toString() {
            return from + ".." + to;
        }
    }

    private void conversion(String scopeName, Range last7, Range before, BiFunction<Range, Measure, BigDecimal> daily,
                            List<Finding> findings) {
        BigDecimal leads = daily.apply(last7, Measure.LEADS);
        BigDecimal deals = daily.apply(last7, Measure.DEALS);
        BigDecimal trailingLeads = daily.apply(before, Measure.LEADS);
        BigDecimal trailingDeals = daily.apply(before, Measure.DEALS);
        if (leads.compareTo(BigDecimal.valueOf(policy.minLeads())) < 0
                || trailingLeads.compareTo(BigDecimal.valueOf(4 * policy.minLeads())) < 0 || trailingDeals.signum() <= 0) {
            return;
        }
        BigDecimal rate = deals.divide(leads, PRECISION);
        BigDecimal trailing = trailingDeals.divide(trailingLeads, PRECISION);
        BigDecimal drop = BigDecimal.ONE.subtract(rate.divide(trailing, PRECISION));
        if (drop.compareTo(policy.conversionDrop()) < 0) {
            return;
        }
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("window", last7.toString());
        evidence.put("leads", plain(leads));
        evidence.put("deals", plain(deals));
        evidence.put("conversion", ratio(rate));
        evidence.put("trailingWindow", before.toString());
        evidence.put("trailingLeads", plain(trailingLeads));
        evidence.put("trailingDeals", plain(trailingDeals));
        evidence.put("trailingConversion", ratio(trailing));
        evidence.put("drop", ratio(drop));
        evidence.put("threshold", ratio(policy.conversionDrop()));
        findings.add(new Finding(CONVERSION_DROP, null, severity(drop, policy.conversionDrop()),
                scopeName + ": conversion " + percent(rate) + " over " + last7 + ", down " + percent(drop)
                        + " from the trailing 4-week " + percent(trailing), evidence));
    }

    private void activity(String scopeName, Range last7, Range before, BiFunction<Range, Measure, BigDecimal> daily,
                          List<Finding> findings) {
        BigDecimal recent = daily.apply(last7, Measure.FOLLOW_UPS);
        BigDecimal weeklyAverage = daily.apply(before, Measure.FOLLOW_UPS).divide(BigDecimal.valueOf(4), PRECISION);
        if (weeklyAverage.compareTo(BigDecimal.valueOf(policy.minWeeklyActivity())) < 0) {
            return;
        }
        BigDecimal drop = BigDecimal.ONE.subtract(recent.divide(weeklyAverage, PRECISION));
        if (drop.compareTo(policy.activityDrop()) < 0) {
            return;
        }
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("window", last7.toString());
        evidence.put("followUps", plain(recent));
        evidence.put("trailingWindow", before.toString());
        evidence.put("trailingWeeklyAverage", weeklyAverage.setScale(2, RoundingMode.HALF_UP).toPlainString());
        evidence.put("drop", ratio(drop));
        evidence.put("threshold", ratio(policy.activityDrop()));
        findings.add(new Finding(ACTIVITY_DROP, TargetMetric.FOLLOW_UPS, severity(drop, policy.activityDrop()),
                scopeName + ": " + plain(recent) + " follow-ups over " + last7 + ", " + percent(drop)
                        + " below the trailing weekly average of " + weeklyAverage.setScale(1, RoundingMode.HALF_UP),
                evidence));
    }

    private void pace(String scopeName, LocalDate today, Map<TargetMetric, Standing> standings, List<Finding> findings) {
        if (today.getDayOfMonth() <= policy.paceAfterDays()) {
            return;
        }
        BigDecimal floor = BigDecimal.ONE.subtract(policy.paceMargin());
        standings.forEach((metric, standing) -> {
            if (standing.pace() == null || BigDecimal.valueOf(standing.pace()).compareTo(floor) >= 0) {
                return;
            }
            BigDecimal pace = BigDecimal.valueOf(standing.pace());
            Map<String, String> evidence = new LinkedHashMap<>();
            evidence.put("asOf", today.toString());
            evidence.put("actual", standing.actual().toPlainString());
            evidence.put("expectedToDate", standing.expectedToDate().toPlainString());
            evidence.put("pace", ratio(pace));
            evidence.put("target", standing.target().toPlainString());
            if (standing.projected() != null) {
                evidence.put("projected", standing.projected().toPlainString());
            }
            evidence.put("margin", ratio(policy.paceMargin()));
            Severity severity = pace.compareTo(BigDecimal.ONE.subtract(policy.paceMargin().multiply(TWO))) < 0
                    ? Severity.CRITICAL : Severity.WARNING;
            findings.add(new Finding(PACE_BEHIND, metric, severity, scopeName + ": " + metric + " at "
                    + percent(pace) + " of the expected pace (" + standing.actual().toPlainString() + " of "
                    + standing.expectedToDate().toPlainString() + " expected by " + today + ")", evidence));
        });
    }

    private void collections(String scopeName, LocalDate today, BiFunction<Range, Measure, BigDecimal> daily,
                             List<Finding> findings) {
        Range monthToDate = new Range(YearMonth.from(today).atDay(1), today);
        BigDecimal due = daily.apply(monthToDate, Measure.DUE);
        if (due.signum() <= 0) {
            return;
        }
        BigDecimal collected = daily.apply(monthToDate, Measure.COLLECTIONS);
        BigDecimal rate = collected.divide(due, PRECISION);
        if (rate.compareTo(policy.collectionRate()) >= 0) {
            return;
        }
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("window", monthToDate.toString());
        evidence.put("due", due.setScale(2, RoundingMode.HALF_UP).toPlainString());
        evidence.put("collected", collected.setScale(2, RoundingMode.HALF_UP).toPlainString());
        evidence.put("collectionRate", ratio(rate));
        evidence.put("threshold", ratio(policy.collectionRate()));
        Severity severity = rate.compareTo(policy.collectionRate().divide(TWO, PRECISION)) < 0
                ? Severity.CRITICAL : Severity.WARNING;
        findings.add(new Finding(COLLECTIONS_LAG, TargetMetric.COLLECTIONS, severity, scopeName + ": collected "
                + percent(rate) + " of the " + due.setScale(2, RoundingMode.HALF_UP).toPlainString()
                + " due this month to date", evidence));
    }

    /** A drop at least half way from the threshold to everything (0.60 for 0.20, 0.75 for 0.50) is CRITICAL. */
    private static Severity severity(BigDecimal drop, BigDecimal threshold) {
        BigDecimal critical = threshold.add(BigDecimal.ONE.subtract(threshold).divide(TWO, PRECISION));
        return drop.compareTo(critical) >= 0 ? Severity.CRITICAL : Severity.WARNING;
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static String ratio(BigDecimal value) {
        return value.setScale(4, RoundingMode.HALF_UP).toPlainString();
    }

    private static String percent(BigDecimal ratio) {
        return ratio.multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
    }
}
