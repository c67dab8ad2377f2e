package io.quotaflow.kpi.review;

import io.quotaflow.kpi.review.domain.GapAnalysis;
import io.quotaflow.kpi.review.domain.PromotionEffect;
import io.quotaflow.kpi.scorecard.ScorecardViews.ChannelRow;
import io.quotaflow.kpi.scorecard.ScorecardViews.MetricView;
import io.quotaflow.kpi.scorecard.ScorecardViews.RatesView;
import io.quotaflow.kpi.scorecard.ScorecardViews.ScopeView;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/** What the month-end review answers. */
public final class ReviewViews {

    private ReviewViews() {
    }

    /** The trailing months the "usual" conversion and deal size come from, and their totals. */
    public record History(List<YearMonth> months, long leads, long deals, BigDecimal revenue) {
    }

    public record Review(ScopeView scope, YearMonth period, Instant asOf, Map<String, MetricView> metrics,
                         RatesView rates, GapAnalysis.Split revenueGap, GapAnalysis.Split cashGap, History history,
                         List<ChannelRow> channels, List<PromotionEffect.Effect> promotions) {
    }
}
