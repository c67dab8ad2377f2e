package io.quotaflow.kpi.attainment;

import io.quotaflow.events.TargetMetric;
import io.quotaflow.events.target.DailyTarget;
import io.quotaflow.events.target.TargetAssigned;
import io.quotaflow.events.target.TargetEvent;
import io.quotaflow.events.target.TargetRevised;
import io.quotaflow.events.target.WeeklyTarget;
import io.quotaflow.kpi.aggregation.Keys;
import io.quotaflow.kpi.attainment.domain.TargetPlan;
import org.bson.Document;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The targets a scope holds in a month, as {@code kpi_targets} keeps them: per metric and plan, the latest version
 * received ({@code p.<METRIC>.<planId>}). Of one plan the highest {@code planVersion} holds, whatever order the
 * versions came in (a revision carries the node's whole new breakdown, the days before its effective date keeping
 * their amounts). When several plans target the same month and metric, the one published last holds (its latest
 * version's time, then the plan id).
 */
public final class TargetBook {

    private TargetBook() {
    }

    /** The path of one plan's entry. */
    public static String path(TargetMetric metric, String planId) {
        return "p." + metric + "." + Keys.escape(planId);
    }

    /** The stored entry of a target event. */
    public static Map<String, Object> entry(TargetEvent event, Instant at) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("plan", event.planId());
        entry.put("v", (long) event.planVersion());
        entry.put("at", at);
        BigDecimal monthly;
        List<DailyTarget> daily;
        List<WeeklyTarget> weekly;
        if (event instanceof TargetAssigned assigned) {
            monthly = assigned.monthly();
            entry.put("b", assigned.base());
            entry.put("c", assigned.challenge());
            entry.put("cur", assigned.currency());
            daily = assigned.daily();
            weekly = assigned.weekly();
        } else {
            TargetRevised revised = (TargetRevised) event;
            monthly = revised.monthly();
            entry.put("b", revised.base());
            entry.put("c", revised.challenge());
            entry.put("cur", revised.currency());
            entry.put("from", revised.effectiveFrom());
            entry.put("reason", revised.reason());
            daily = revised.daily();
            weekly = revised.weekly();
        }
        entry.put("m", monthly);
        Map<String, Object> days = new TreeMap<>();
        daily.forEach(day -> days.merge(day.date().toString(), day.amount(), (a, b) -> ((BigDecimal) a).add((BigDecimal) b)));
        entry.put("d", days);
        Map<String, Object> weeks = new LinkedHashMap<>();
        weekly.forEach(week -> weeks.merge(week.week(), week.amount(), (a, b) -> ((BigDecimal) a).add((BigDecimal) b)));
        entry.put("w", weeks);
        entry.values().removeIf(value -> value == null);
        return entry;
    }

    /** The version of a stored entry, 0 when there is none. */
    public static long version(Document entry) {
        return entry == null || !(entry.get("v") instanceof Number number) ? 0 : number.longValue();
    }

    /** The plan in force for a metric among the stored entries ({@code p.<METRIC>}), if any. */
    public static Optional<TargetPlan> effective(Document plans, TargetMetric metric, YearMonth period) {
        if (plans == null || plans.isEmpty()) {
            return Optional.empty();
        }
        return plans.values().stream().filter(Document.class::isInstance).map(Document.class::cast)
                .max(Comparator.comparing((Document entry) -> at(entry)).thenComparing(entry -> entry.getString("plan")))
                .map(entry -> plan(entry, metric, period));
    }

    static TargetPlan plan(Document entry, TargetMetric metric, YearMonth period) {
        TreeMap<LocalDate, BigDecimal> daily = new TreeMap<>();
        Object days = entry.get("d");
        if (days instanceof Document byDay) {
            byDay.forEach((day, amount) -> {
                LocalDate date = LocalDate.parse(day);
                if (YearMonth.from(date).equals(period)) {
                    daily.put(date, ProgressTargets.decimal(amount));
                }
            });
        }
        Map<String, BigDecimal> weekly = new LinkedHashMap<>();
        Object weeks = entry.get("w");
        if (weeks instanceof Document byWeek) {
            byWeek.forEach((week, amount) -> weekly.put(week, ProgressTargets.decimal(amount)));
        }
        return new TargetPlan(metric, ProgressTargets.decimal(entry.get("m")), ProgressTargets.decimal(entry.get("b")),
                ProgressTargets.decimal(entry.get("c")), entry.getString("cur"), daily, weekly);
    }

    private static Instant at(Document entry) {
        Object at = entry.get("at");
        return at instanceof Date date ? date.toInstant() : Instant.EPOCH;
    }
}
