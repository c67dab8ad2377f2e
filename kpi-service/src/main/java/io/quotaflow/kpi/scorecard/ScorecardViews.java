package io.quotaflow.kpi.scorecard;

import io.quotaflow.events.EntityType;
import io.quotaflow.events.kpi.AttainmentLevel;
import io.quotaflow.kpi.aggregation.domain.Scope;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/** What the scorecard, leaderboard and funnel endpoints answer. Money as decimal strings, counts as whole numbers. */
public final class ScorecardViews {

    private ScorecardViews() {
    }

    public record ScopeView(String type, String id) {
        public static ScopeView of(Scope scope) {
            return new ScopeView(scope.type().name(), scope.id());
        }

        public Scope scope() {
            return new Scope(EntityType.valueOf(type), id);
        }
    }

    /** A metric's standing; without a target only {@code actual} and {@code projected}. */
    public record MetricView(BigDecimal actual, BigDecimal target, BigDecimal base, BigDecimal challenge,
                             Double attainment, BigDecimal expectedToDate, Double pace, BigDecimal projected,
                             AttainmentLevel level) {
    }

    public record RatesView(Double leadToQualified, Double qualifiedToWon, Double leadToWon, BigDecimal avgDealSize,
                            Double avgSalesCycleDays, Double collectionRate, Double grossMarginRate) {
    }

    public record WeekMetric(BigDecimal actual, BigDecimal target, Double attainment) {
    }

    public record WeekView(String week, LocalDate from, LocalDate to, Map<String, WeekMetric> metrics) {
    }

    /** One entity's month totals within the scope (a rep's part of a team, a team's part of the company …). */
    public record BreakdownRow(String id, Map<String, BigDecimal> metrics) {
    }

    public record Scorecard(ScopeView scope, YearMonth period, Instant asOf, String currency,
                            Map<String, MetricView> metrics, RatesView rates, List<WeekView> weekly,
                            Map<String, List<BreakdownRow>> breakdown) {
    }

    public record LeaderRow(int rank, ScopeView scope, BigDecimal actual, BigDecimal target, Double attainment,
                            Double pace) {
    }

    public record Leaderboard(YearMonth period, String metric, String level, String rankedBy, Instant asOf,
                              List<LeaderRow> rows) {
    }

    public record Stage(String stage, long count, Double rateFromPrevious) {
    }

    public record ChannelRow(String channel, long leads, long qualified, long won, BigDecimal revenue,
                             Double leadToQualified, Double qualifiedToWon, Double leadToWon,
                             BigDecimal revenuePerLead) {
    }

    public record Funnel(ScopeView scope, YearMonth period, Instant asOf, List<Stage> stages, RatesView rates,
                         List<ChannelRow> channels) {
    }
}
