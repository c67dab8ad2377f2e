package io.quotaflow.kpi.scorecard;

import io.quotaflow.events.EntityType;
import io.quotaflow.events.TargetMetric;
import io.quotaflow.events.kpi.AttainmentLevel;
import io.quotaflow.kpi.aggregation.Figures;
import io.quotaflow.kpi.aggregation.domain.Measure;
import io.quotaflow.kpi.aggregation.domain.MonthFigures;
import io.quotaflow.kpi.aggregation.domain.Scope;
import io.quotaflow.kpi.aggregation.domain.Totals;
import io.quotaflow.kpi.attainment.domain.Pacing;
import io.quotaflow.kpi.attainment.domain.Standing;
import io.quotaflow.kpi.attainment.domain.TargetPlan;
import io.quotaflow.kpi.calendar.BusinessCalendar;
import io.quotaflow.kpi.org.Org;
import io.quotaflow.kpi.scorecard.ScorecardViews.BreakdownRow;
import io.quotaflow.kpi.scorecard.ScorecardViews.MetricView;
import io.quotaflow.kpi.scorecard.ScorecardViews.RatesView;
import io.quotaflow.kpi.scorecard.ScorecardViews.Scorecard;
import io.quotaflow.kpi.scorecard.ScorecardViews.ScopeView;
import io.quotaflow.kpi.scorecard.ScorecardViews.WeekMetric;
import io.quotaflow.kpi.scorecard.ScorecardViews.WeekView;
import io.quotaflow.platform.config.OrganisationProperties;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A scope's month as the KPI API shows it: every target metric's standing (actual, target, base, challenge,
 * attainment, expected to date, pace, projection, level), the rates, the ISO weeks clipped to the month and the
 * breakdown by the entities below the scope. Two reads by {@code _id}: the month's figures and its targets.
 */
@Service
public class Scorecards {

    /** Measures shown beside the target metrics (actual and projection only). */
    static final List<Measure> ACTIVITY = List.of(Measure.LEADS, Measure.OPPORTUNITIES, Measure.ENGAGEMENTS,
            Measure.DUE);
    private static final MathContext PRECISION = MathContext.DECIMAL64;
    private static final BigDecimal SECONDS_PER_DAY = BigDecimal.valueOf(86_400);

    private final Figures figures;
    private final Org org;
    private final BusinessCalendar calendar;
    private final Clock clock;
    private final String currency;

    public Scorecards(Figures figures, Org org, BusinessCalendar calendar, Clock clock,
                      OrganisationProperties organisation) {
        this.figures = figures;
        this.org = org;
        this.calendar = calendar;
        this.clock = clock;
        this.currency = organisation.reportingCurrency().getCurrencyCode();
    }

    public Scorecard of(Scope scope, YearMonth period) {
        Instant now = clock.instant();
        LocalDate today = calendar.day(now);
        MonthFigures month = figures.month(scope, period);
        Map<TargetMetric, TargetPlan> plans = figures.targets(scope, period);
        Totals total = month.month();
        Map<String, MetricView> metrics = metrics(total, plans, period, today);
        return new Scorecard(ScopeView.of(scope), period, now, currency, metrics, rates(month, today),
                weekly(month, plans), breakdown(scope, month));
    }

    /** Whether there is anything to show for a scope: figures, targets, or the org knowing it. */
    public boolean known(Scope scope, YearMonth period, boolean orgKnows) {
        return orgKnows || !figures.month(scope, period).isEmpty() || !figures.targets(scope, period).isEmpty();
    }

    public Map<String, MetricView> metrics(Totals total, Map<TargetMetric, TargetPlan> plans, YearMonth period,
                                    LocalDate today) {
        Map<String, MetricView> metrics = new LinkedHashMap<>();
        for (TargetMetric metric : TargetMetric.values()) {
            BigDecimal actual = scaled(total.get(Measure.of(metric)), metric.scale());
            TargetPlan plan = plans.get(metric);
            Standing standing = Pacing.standing(metric, actual, plan, period, today);
            metrics.put(metric.name(), new MetricView(standing.actual(), standing.target(), standing.base(),
                    standing.challenge(), standing.attainment(), standing.expectedToDate(), standing.pace(),
                    standing.projected(), plan == null ? null : Pacing.level(actual, plan)));
        }
        for (Measure measure : ACTIVITY) {
            int scale = measure.isMoney() ? 2 : 0;
            BigDecimal actual = scaled(total.get(measure), scale);
            BigDecimal projected = measure == Measure.DUE ? null : Pacing.projected(actual, scale,
                    BusinessCalendar.weekdays(period), period, today);
            metrics.put(measure.name(), new MetricView(actual, null, null, null, null, null, null, projected,
                    (AttainmentLevel) null));
        }
        return metrics;
    }

    /** Conversion, deal size, cycle, collection rate (due up to today) and margin rate of a month's figures. */
    public static RatesView rates(MonthFigures month, LocalDate today) {
        Totals total = month.month();
        YearMonth period = month.period();
        LocalDate last = today.isBefore(period.atEndOfMonth()) ? today : period.atEndOfMonth();
        BigDecimal dueToDate = month.between(period.atDay(1), last).get(Measure.DUE);
        Double collectionRate = dueToDate.signum() == 0 ? null : total.get(Measure.COLLECTIONS)
                .divide(dueToDate, PRECISION).setScale(4, RoundingMode.HALF_UP).doubleValue();
        BigDecimal cycleDeals = total.get(Measure.CYCLE_DEALS);
        Double cycle = cycleDeals.signum() == 0 ? null : total.get(Measure.CYCLE_SECONDS)
                .divide(cycleDeals.multiply(SECONDS_PER_DAY), PRECISION).setScale(1, RoundingMode.HALF_UP).doubleValue();
        return new RatesView(total.ratio(Measure.QUALIFIED_LEADS, Measure.LEADS),
                total.ratio(Measure.DEALS, Measure.QUALIFIED_LEADS), total.ratio(Measure.DEALS, Measure.LEADS),
                total.quotient(Measure.REVENUE, Measure.DEALS, 2), cycle, collectionRate,
                total.ratio(Measure.GROSS_MARGIN, Measure.REVENUE));
    }

    List<WeekView> weekly(MonthFigures month, Map<TargetMetric, TargetPlan> plans) {
        List<WeekView> weeks = new ArrayList<>();
        BusinessCalendar.weeks(month.period()).forEach((week, days) -> {
            Totals totals = month.on(days);
            Map<String, WeekMetric> metrics = new LinkedHashMap<>();
            for (TargetMetric metric : TargetMetric.values()) {
                BigDecimal actual = scaled(totals.get(Measure.of(metric)), metric.scale());
                TargetPlan plan = plans.get(metric);
                BigDecimal target = plan == null ? null : plan.weekly().containsKey(week) ? plan.weekly().get(week)
                        : days.stream().map(day -> plan.daily().getOrDefault(day, BigDecimal.ZERO))
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                metrics.put(metric.name(), new WeekMetric(actual, target, Pacing.ratio(actual, target)));
            }
            weeks.add(new WeekView(week, days.get(0), days.get(days.size() - 1), metrics));
        });
        return weeks;
    }

    Map<String, List<BreakdownRow>> breakdown(Scope scope, MonthFigures month) {
        Map<String, List<BreakdownRow>> breakdown = new LinkedHashMap<>();
        switch (scope.type()) {
            case REP -> {
                // a rep's figures are broken down by day and week only
            }
            case TEAM -> breakdown.put("reps", rows(month.breakdown(EntityType.REP),
                    org.membersDuring(scope.id(), month.period())));
            case REGION -> breakdown.put("teams", rows(month.breakdown(EntityType.TEAM), List.of()));
            case PRODUCT_LINE -> breakdown.put("teams", rows(month.breakdown(EntityType.TEAM), List.of()));
            case COMPANY -> {
                breakdown.put("teams", rows(month.breakdown(EntityType.TEAM), org.teams()));
                breakdown.put("regions", rows(month.breakdown(EntityType.REGION), List.of()));
                breakdown.put("productLines", rows(month.breakdown(EntityType.PRODUCT_LINE), List.of()));
            }
        }
        return breakdown;
    }

    /** One row per entity with figures, plus those named in {@code alsoWithout} (zeros), by id. */
    static List<BreakdownRow> rows(Map<String, Totals> byId, List<String> alsoWithout) {
        Map<String, Totals> all = new TreeMap<>(byId);
        alsoWithout.forEach(id -> all.putIfAbsent(id, Totals.ZERO));
        List<BreakdownRow> rows = new ArrayList<>();
        all.forEach((id, totals) -> {
            Map<String, BigDecimal> metrics = new LinkedHashMap<>();
            for (TargetMetric metric : TargetMetric.values()) {
                metrics.put(metric.name(), scaled(totals.get(Measure.of(metric)), metric.scale()));
            }
            metrics.put(Measure.LEADS.name(), scaled(totals.get(Measure.LEADS), 0));
            rows.add(new BreakdownRow(id, metrics));
        });
        return rows;
    }

    static BigDecimal scaled(BigDecimal value, int scale) {
        return value.setScale(scale, RoundingMode.HALF_UP);
    }
}
