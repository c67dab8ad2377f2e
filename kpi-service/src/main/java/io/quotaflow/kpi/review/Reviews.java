package io.quotaflow.kpi.review;

import io.quotaflow.events.TargetMetric;
import io.quotaflow.kpi.KpiProperties;
import io.quotaflow.kpi.aggregation.Figures;
import io.quotaflow.kpi.aggregation.Layout;
import io.quotaflow.kpi.aggregation.domain.Measure;
import io.quotaflow.kpi.aggregation.domain.MonthFigures;
import io.quotaflow.kpi.aggregation.domain.Scope;
import io.quotaflow.kpi.aggregation.domain.Totals;
import io.quotaflow.kpi.attainment.domain.TargetPlan;
import io.quotaflow.kpi.calendar.BusinessCalendar;
import io.quotaflow.kpi.review.ReviewViews.History;
import io.quotaflow.kpi.review.ReviewViews.Review;
import io.quotaflow.kpi.review.domain.GapAnalysis;
import io.quotaflow.kpi.review.domain.PromotionEffect;
import io.quotaflow.kpi.scorecard.Funnels;
import io.quotaflow.kpi.scorecard.ScorecardViews.ScopeView;
import io.quotaflow.kpi.scorecard.Scorecards;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The month-end review (复盘) of a team or the company: actual against target for every metric, the revenue gap and
 * the cash gap split into drivers that add up exactly ({@link GapAnalysis}), channel effectiveness and promotion
 * effectiveness ({@link PromotionEffect}). One read of the month, its targets and the trailing months.
 */
@Service
public class Reviews {

    private final Figures figures;
    private final Scorecards scorecards;
    private final BusinessCalendar calendar;
    private final Clock clock;
    private final int historyMonths;

    public Reviews(Figures figures, Scorecards scorecards, BusinessCalendar calendar, Clock clock,
                   KpiProperties properties) {
        this.figures = figures;
        this.scorecards = scorecards;
        this.calendar = calendar;
        this.clock = clock;
        this.historyMonths = properties.review().months();
    }

    public Review of(Scope scope, YearMonth period) {
        Instant now = clock.instant();
        LocalDate today = calendar.day(now);
        List<YearMonth> trailing = new ArrayList<>();
        for (int back = historyMonths; back >= 1; back--) {
            trailing.add(period.minusMonths(back));
        }
        List<YearMonth> months = new ArrayList<>(trailing);
        months.add(period);
        Map<String, MonthFigures> read = figures.months(List.of(scope), months);
        MonthFigures month = read.get(Layout.id(scope, period));
        Totals total = month.month();
        Totals before = Totals.ZERO;
        for (YearMonth past : trailing) {
            before = before.plus(read.get(Layout.id(scope, past)).month());
        }
        Map<TargetMetric, TargetPlan> plans = figures.targets(scope, period);
        GapAnalysis.Funnel thisMonth = funnel(total);
        GapAnalysis.Funnel history = funnel(before);
        TargetPlan revenue = plans.get(TargetMetric.REVENUE);
        TargetPlan deals = plans.get(TargetMetric.DEALS);
        TargetPlan collections = plans.get(TargetMetric.COLLECTIONS);
        GapAnalysis.Split revenueGap = revenue == null ? null : GapAnalysis.revenue(revenue.monthly(), thisMonth,
                history, deals == null ? null : deals.monthly());
        GapAnalysis.Split cashGap = collections == null ? null : GapAnalysis.cash(collections.monthly(),
                revenue == null ? null : revenue.monthly(), total.get(Measure.COLLECTIONS), total.get(Measure.REVENUE));
        return new Review(ScopeView.of(scope), period, now, scorecards.metrics(total, plans, period, today),
                Scorecards.rates(month, today), revenueGap, cashGap,
                new History(trailing, history.leads(), history.deals(), history.revenue()),
                Funnels.channels(month.channels(), total), promotions(month, total));
    }

    private static GapAnalysis.Funnel funnel(Totals totals) {
        return new GapAnalysis.Funnel(totals.count(Measure.LEADS), totals.count(Measure.DEALS),
                totals.get(Measure.REVENUE));
    }

    private static List<PromotionEffect.Effect> promotions(MonthFigures month, Totals total) {
        Map<String, PromotionEffect.Figures> byCode = new LinkedHashMap<>();
        month.promotions().forEach((code, totals) -> byCode.put(code, figures(totals)));
        return PromotionEffect.of(byCode, figures(total));
    }

    private static PromotionEffect.Figures figures(Totals totals) {
        return new PromotionEffect.Figures(totals.count(Measure.LEADS), totals.count(Measure.DEALS),
                totals.get(Measure.REVENUE), totals.get(Measure.GROSS_MARGIN));
    }
}
