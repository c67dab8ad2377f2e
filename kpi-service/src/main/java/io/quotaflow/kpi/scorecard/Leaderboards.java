package io.quotaflow.kpi.scorecard;

import io.quotaflow.events.TargetMetric;
import io.quotaflow.kpi.aggregation.Fields;
import io.quotaflow.kpi.aggregation.Figures;
import io.quotaflow.kpi.aggregation.Layout;
import io.quotaflow.kpi.aggregation.domain.Scope;
import io.quotaflow.kpi.attainment.ProgressTargets;
import io.quotaflow.kpi.attainment.domain.Pacing;
import io.quotaflow.kpi.attainment.domain.TargetPlan;
import io.quotaflow.kpi.calendar.BusinessCalendar;
import io.quotaflow.kpi.scorecard.ScorecardViews.LeaderRow;
import io.quotaflow.kpi.scorecard.ScorecardViews.Leaderboard;
import io.quotaflow.kpi.scorecard.ScorecardViews.ScopeView;
import org.bson.Document;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ranks reps or teams on one target metric: by actual (default) or by attainment, from the small progress documents
 * (one {@code $in} read for the whole board). Ties keep the order of ids; scopes without a target rank after those
 * with one when ranked by attainment.
 */
@Service
public class Leaderboards {

    public enum RankBy { ACTUAL, ATTAINMENT }

    private final Figures figures;
    private final BusinessCalendar calendar;
    private final Clock clock;

    public Leaderboards(Figures figures, BusinessCalendar calendar, Clock clock) {
        this.figures = figures;
        this.calendar = calendar;
        this.clock = clock;
    }

    public Leaderboard rank(YearMonth period, TargetMetric metric, String level, Collection<Scope> candidates,
                            RankBy rankBy) {
        Instant now = clock.instant();
        LocalDate today = calendar.day(now);
        Map<String, Scope> byId = new LinkedHashMap<>();
        candidates.stream().sorted(Comparator.comparing(Scope::id)).forEach(scope ->
                byId.put(Layout.id(scope, period), scope));
        Map<String, Document> progress = new LinkedHashMap<>();
        figures.documents(Layout.PROGRESS, byId.keySet()).forEach(doc -> progress.put(doc.getString("_id"), doc));
        List<LeaderRow> rows = new ArrayList<>();
        byId.forEach((id, scope) -> {
            Document doc = progress.get(id);
            BigDecimal actual = BigDecimal.ZERO;
            TargetPlan plan = null;
            if (doc != null) {
                Document actuals = Fields.document(doc, "a");
                BigDecimal stored = actuals == null ? null : Fields.decimal(actuals, metric.name());
                actual = stored == null ? BigDecimal.ZERO : stored;
                Document targets = Fields.document(doc, "t");
                plan = targets == null ? null : ProgressTargets.read(Fields.document(targets, metric.name()), metric,
                        period);
            }
            actual = actual.setScale(metric.scale(), RoundingMode.HALF_UP);
            rows.add(new LeaderRow(0, ScopeView.of(scope), actual, plan == null ? null : plan.monthly(),
                    plan == null ? null : Pacing.ratio(actual, plan.monthly()),
                    plan == null ? null : Pacing.ratio(actual, Pacing.expectedToDate(plan, period, today))));
        });
        Comparator<LeaderRow> order = rankBy == RankBy.ATTAINMENT
                ? Comparator.comparing((LeaderRow row) -> row.attainment() == null ? Double.NEGATIVE_INFINITY
                : row.attainment()).reversed()
                : Comparator.comparing(LeaderRow::actual).reversed();
        List<LeaderRow> sorted = rows.stream().sorted(order).toList();
        List<LeaderRow> ranked = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            LeaderRow row = sorted.get(i);
            boolean tie = i > 0 && order.compare(sorted.get(i - 1), row) == 0;
            int rank = tie ? ranked.get(i - 1).rank() : i + 1;
            ranked.add(new LeaderRow(rank, row.scope(), row.actual(), row.target(), row.attainment(), row.pace()));
        }
        return new Leaderboard(period, metric.name(), level, rankBy.name(), now, ranked);
    }
}
