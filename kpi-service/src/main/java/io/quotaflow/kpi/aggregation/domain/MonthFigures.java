package io.quotaflow.kpi.aggregation.domain;

import io.quotaflow.events.EntityType;
import io.quotaflow.events.activity.LeadChannel;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * One scope's figures for one month, as its month document holds them: per day, and for the month by lead channel,
 * promotion code and breakdown (rep, team, region, product line). Weeks and the month are sums of days.
 */
public record MonthFigures(Scope scope, YearMonth period, NavigableMap<LocalDate, Totals> days,
                           Map<LeadChannel, Totals> channels, Map<String, Totals> promotions,
                           Map<EntityType, Map<String, Totals>> breakdown) {

    public static MonthFigures empty(Scope scope, YearMonth period) {
        return new MonthFigures(scope, period, new TreeMap<>(), Map.of(), Map.of(), Map.of());
    }

    public boolean isEmpty() {
        return days.isEmpty() && channels.isEmpty() && promotions.isEmpty() && breakdown.isEmpty();
    }

    public Totals month() {
        return sum(days.values());
    }

    /** The days from {@code from} to {@code to}, both included (clipped to the month). */
    public Totals between(LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            return Totals.ZERO;
        }
        return sum(days.subMap(from, true, to, true).values());
    }

    public Totals on(List<LocalDate> dates) {
        return sum(dates.stream().map(day -> days.getOrDefault(day, Totals.ZERO)).toList());
    }

    public Map<String, Totals> breakdown(EntityType type) {
        return breakdown.getOrDefault(type, Map.of());
    }

    private static Totals sum(java.util.Collection<Totals> totals) {
        Totals sum = Totals.ZERO;
        for (Totals day : totals) {
            sum = sum.plus(day);
        }
        return sum;
    }
}
