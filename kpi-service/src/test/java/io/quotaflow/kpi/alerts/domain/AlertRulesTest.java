package io.quotaflow.kpi.alerts.domain;

import io.quotaflow.events.TargetMetric;
import io.quotaflow.events.kpi.Severity;
import io.quotaflow.kpi.aggregation.domain.Measure;
import io.quotaflow.kpi.attainment.domain.Standing;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules by hand, as of Wednesday 20 January 2027: the last 7 days are 14–20 January, the 4 weeks before them
 * 17 December–13 January.
 */
class AlertRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2027, 1, 20);
    private final AlertRules rules = new AlertRules(AlertPolicy.defaults());
    private final Map<LocalDate, Map<Measure, BigDecimal>> days = new HashMap<>();

    private void on(String day, Measure measure, long amount) {
        days.computeIfAbsent(LocalDate.parse(day), d -> new EnumMap<>(Measure.class))
                .merge(measure, BigDecimal.valueOf(amount), BigDecimal::add);
    }

    private BiFunction<AlertRules.Range, Measure, BigDecimal> daily() {
        return (range, measure) -> days.entrySet().stream()
                .filter(day -> !day.getKey().isBefore(range.from()) && !day.getKey().isAfter(range.to()))
                .map(day -> day.getValue().getOrDefault(measure, BigDecimal.ZERO)).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void shouldRaiseAConversionDropWithItsEvidence() {
        // last 7 days: 10 leads, 1 deal (0.10); the 4 weeks before: 40 leads, 8 deals (0.20): down 50 %
        on("2027-01-15", Measure.LEADS, 10);
        on("2027-01-18", Measure.DEALS, 1);
        on("2026-12-20", Measure.LEADS, 20);
        on("2027-01-13", Measure.LEADS, 20);
        on("2027-01-05", Measure.DEALS, 8);

        Finding finding = only(rules.evaluate("TEAM t-east", TODAY, daily(), Map.of()), AlertRules.CONVERSION_DROP);

        assertThat(finding.severity()).as("50 % is short of half way from 20 % to 100 %").isEqualTo(Severity.WARNING);
        assertThat(finding.evidence()).containsEntry("window", "2027-01-14..2027-01-20")
                .containsEntry("trailingWindow", "2026-12-17..2027-01-13")
                .containsEntry("leads", "10").containsEntry("deals", "1").containsEntry("conversion", "0.1000")
                .containsEntry("trailingLeads", "40").containsEntry("trailingDeals", "8")
                .containsEntry("trailingConversion", "0.2000").containsEntry("drop", "0.5000");
        assertThat(finding.message()).contains("conversion 10.0%").contains("down 50.0%");
    }

    @Test
    void shouldNotJudgeConversionOnTooFewLeadsOrASmallDip() {
        on("2027-01-15", Measure.LEADS, 4);
        on("2026-12-20", Measure.LEADS, 40);
        on("2027-01-05", Measure.DEALS, 8);
        assertThat(rules.evaluate("REP r-1", TODAY, daily(), Map.of())).as("4 leads this week").isEmpty();

        on("2027-01-16", Measure.LEADS, 6);
        on("2027-01-17", Measure.DEALS, 2);
        // 2 / 10 = 0.2 against 0.2: no drop
        assertThat(rules.evaluate("REP r-1", TODAY, daily(), Map.of())).isEmpty();
    }

    @Test
    void shouldRaiseAnActivityCollapse() {
        // 80 follow-ups in the 4 weeks before (20 a week), 4 in the last 7 days: down 80 %
        on("2027-01-05", Measure.FOLLOW_UPS, 80);
        on("2027-01-19", Measure.FOLLOW_UPS, 4);

        Finding finding = only(rules.evaluate("REP r-1", TODAY, daily(), Map.of()), AlertRules.ACTIVITY_DROP);

        assertThat(finding.metric()).isEqualTo(TargetMetric.FOLLOW_UPS);
        assertThat(finding.severity()).as("80 % is past half way from 50 % to 100 %").isEqualTo(Severity.CRITICAL);
        assertThat(finding.evidence()).containsEntry("followUps", "4").containsEntry("trailingWeeklyAverage", "20.00")
                .containsEntry("drop", "0.8000");
    }

    @Test
    void shouldWarnBehindPaceAfterTheFirstWeekOnly() {
        Standing behind = new Standing(new BigDecimal("45500.00"), new BigDecimal("100000.00"), null, null, 0.455,
                new BigDecimal("65000.00"), 0.7, new BigDecimal("70000.00"));
        Standing farBehind = new Standing(new BigDecimal("35750.00"), new BigDecimal("100000.00"), null, null, 0.3575,
                new BigDecimal("65000.00"), 0.55, new BigDecimal("55000.00"));

        Finding warning = only(rules.evaluate("REP r-1", TODAY, daily(), Map.of(TargetMetric.REVENUE, behind)),
                AlertRules.PACE_BEHIND);
        Finding critical = only(rules.evaluate("REP r-1", TODAY, daily(), Map.of(TargetMetric.REVENUE, farBehind)),
                AlertRules.PACE_BEHIND);

        assertThat(warning.severity()).as("0.70 is below 0.80").isEqualTo(Severity.WARNING);
        assertThat(warning.evidence()).containsEntry("pace", "0.7000").containsEntry("expectedToDate", "65000.00")
                .containsEntry("actual", "45500.00").containsEntry("projected", "70000.00");
        assertThat(critical.severity()).as("0.55 is below 0.60").isEqualTo(Severity.CRITICAL);
        assertThat(rules.evaluate("REP r-1", LocalDate.of(2027, 1, 7), daily(), Map.of(TargetMetric.REVENUE, farBehind)))
                .as("in the first 7 days of the month").isEmpty();
    }

    @Test
    void shouldRaiseCollectionsLaggingTheAmountsDue() {
        on("2027-01-05", Measure.DUE, 100000);
        on("2027-01-25", Measure.DUE, 900000);
        on("2027-01-12", Measure.COLLECTIONS, 50000);

        Finding finding = only(rules.evaluate("REP r-1", TODAY, daily(), Map.of()), AlertRules.COLLECTIONS_LAG);

        assertThat(finding.evidence()).as("due to date only").containsEntry("due", "100000.00")
                .containsEntry("collected", "50000.00").containsEntry("collectionRate", "0.5000")
                .containsEntry("window", "2027-01-01..2027-01-20");
        assertThat(finding.severity()).isEqualTo(Severity.WARNING);
    }

    private static Finding only(List<Finding> findings, String kind) {
        assertThat(findings).extracting(Finding::kind).containsExactly(kind);
        return findings.get(0);
    }
}
