package io.quotaflow.kpi.scorecard;

import io.quotaflow.events.activity.LeadChannel;
import io.quotaflow.kpi.aggregation.Figures;
import io.quotaflow.kpi.aggregation.domain.Measure;
import io.quotaflow.kpi.aggregation.domain.MonthFigures;
import io.quotaflow.kpi.aggregation.domain.Scope;
import io.quotaflow.kpi.aggregation.domain.Totals;
import io.quotaflow.kpi.calendar.BusinessCalendar;
import io.quotaflow.kpi.scorecard.ScorecardViews.ChannelRow;
import io.quotaflow.kpi.scorecard.ScorecardViews.Funnel;
import io.quotaflow.kpi.scorecard.ScorecardViews.ScopeView;
import io.quotaflow.kpi.scorecard.ScorecardViews.Stage;
import org.springframework.stereotype.Service;

import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The month's funnel of a scope: leads → qualified leads → opportunities → won deals, each stage's count and its
 * rate from the stage before, and per lead channel the leads, qualified leads, deals won (by the channel the deal
 * names), revenue, conversion and revenue per lead. What carries no channel is the {@code UNATTRIBUTED} row.
 */
@Service
public class Funnels {

    private final Figures figures;
    private final BusinessCalendar calendar;
    private final Clock clock;

    public Funnels(Figures figures, BusinessCalendar calendar, Clock clock) {
        this.figures = figures;
        this.calendar = calendar;
        this.clock = clock;
    }

    public Funnel of(Scope scope, YearMonth period) {
        Instant now = clock.instant();
        MonthFigures month = figures.month(scope, period);
        Totals total = month.month();
        List<Stage> stages = List.of(
                new Stage("LEADS", total.count(Measure.LEADS), null),
                new Stage("QUALIFIED", total.count(Measure.QUALIFIED_LEADS),
                        total.ratio(Measure.QUALIFIED_LEADS, Measure.LEADS)),
                new Stage("OPPORTUNITIES", total.count(Measure.OPPORTUNITIES),
                        total.ratio(Measure.OPPORTUNITIES, Measure.QUALIFIED_LEADS)),
                new Stage("WON", total.count(Measure.DEALS), total.ratio(Measure.DEALS, Measure.OPPORTUNITIES)));
        return new Funnel(ScopeView.of(scope), period, now, stages, Scorecards.rates(month, calendar.day(now)),
                channels(month.channels(), total));
    }

    /** Channel effectiveness rows, and what no channel accounts for. */
    public static List<ChannelRow> channels(Map<LeadChannel, Totals> channels, Totals total) {
        List<ChannelRow> rows = new ArrayList<>();
        Totals attributed = Totals.ZERO;
        for (Map.Entry<LeadChannel, Totals> channel : channels.entrySet()) {
            rows.add(row(channel.getKey().name(), channel.getValue()));
            attributed = attributed.plus(channel.getValue());
        }
        Totals rest = total.minus(attributed);
        if (rest.count(Measure.LEADS) != 0 || rest.count(Measure.QUALIFIED_LEADS) != 0
                || rest.count(Measure.DEALS) != 0 || rest.get(Measure.REVENUE).signum() != 0) {
            rows.add(row("UNATTRIBUTED", rest));
        }
        return rows;
    }

    private static ChannelRow row(String channel, Totals totals) {
        return new ChannelRow(channel, totals.count(Measure.LEADS), totals.count(Measure.QUALIFIED_LEADS),
                totals.count(Measure.DEALS), totals.get(Measure.REVENUE).setScale(2, RoundingMode.HALF_UP),
                totals.ratio(Measure.QUALIFIED_LEADS, Measure.LEADS), totals.ratio(Measure.DEALS, Measure.QUALIFIED_LEADS),
                totals.ratio(Measure.DEALS, Measure.LEADS), totals.quotient(Measure.REVENUE, Measure.LEADS, 2));
    }
}
