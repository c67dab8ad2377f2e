package io.quotaflow.kpi.aggregation;

import io.quotaflow.events.EntityType;
import io.quotaflow.events.TargetMetric;
import io.quotaflow.kpi.aggregation.domain.Measure;
import io.quotaflow.kpi.aggregation.domain.Row;
import io.quotaflow.kpi.aggregation.domain.Scope;
import io.quotaflow.kpi.attainment.AttainmentSignals;
import io.quotaflow.kpi.calendar.BusinessCalendar;
import io.quotaflow.platform.consumption.Batch;
import io.quotaflow.platform.consumption.Doc;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A chunk's change to the figures, summed in memory first (pre-aggregation): every row, with its sign, becomes
 * increments of the month documents of the scopes it counts for and of their progress documents; nothing reaches a
 * document until {@link #flush}, which writes each path once with its net change (and skips those that net to zero).
 */
final class Tally {

    static final int MAX_CAUSES = 100;

    private final Map<String, Map<String, BigDecimal>> months = new LinkedHashMap<>();
    private final Map<String, Touch> progress = new LinkedHashMap<>();
    private final Map<YearMonth, Set<String>> scopes = new LinkedHashMap<>();

    /** What a chunk did to one scope's month: the net change of each target metric, what caused it, up to when. */
    static final class Touch {
        final Scope scope;
        final YearMonth period;
        final Map<TargetMetric, BigDecimal> delta = new EnumMap<>(TargetMetric.class);
        final Map<TargetMetric, Set<UUID>> causes = new EnumMap<>(TargetMetric.class);
        Instant asOf;

        Touch(Scope scope, YearMonth period) {
            this.scope = scope;
            this.period = period;
        }

        String id() {
            return Layout.id(scope, period);
        }

        void add(TargetMetric metric, BigDecimal value, UUID cause, Instant at) {
            delta.merge(metric, value, BigDecimal::add);
            Set<UUID> metricCauses = causes.computeIfAbsent(metric, m -> new LinkedHashSet<>());
            if (cause != null && metricCauses.size() < MAX_CAUSES) {
                metricCauses.add(cause);
            }
            if (at != null && (asOf == null || at.isAfter(asOf))) {
                asOf = at;
            }
        }

        /** The target metrics whose actual moved. */
        List<TargetMetric> moved() {
            return delta.entrySet().stream().filter(e -> e.getValue().signum() != 0).map(Map.Entry::getKey).toList();
        }

        List<UUID> causes(TargetMetric metric) {
            return List.copyOf(causes.getOrDefault(metric, Set.of()));
        }
    }

    /** Adds ({@code sign} 1) or takes back ({@code sign} -1) a row; {@code cause} is the event behind it. */
    void add(Row row, int sign, UUID cause, Instant at) {
        if (row.isEmpty()) {
            return;
        }
        YearMonth period = YearMonth.from(row.day());
        String day = "d." + BusinessCalendar.dayKey(row.day()) + ".";
        BigDecimal factor = BigDecimal.valueOf(sign);
        for (Scope scope : row.scopes()) {
            String id = Layout.id(scope, period);
            Map<String, BigDecimal> paths = months.computeIfAbsent(id, k -> new LinkedHashMap<>());
            Touch touch = progress.computeIfAbsent(id, k -> new Touch(scope, period));
            scopes.computeIfAbsent(period, p -> new LinkedHashSet<>())
                    .add("s." + scope.type() + "." + Keys.escape(scope.id()));
            List<String> prefixes = prefixes(scope, row, day);
            row.values().forEach((measure, value) -> {
                BigDecimal signed = value.multiply(factor);
                for (String prefix : prefixes) {
                    paths.merge(prefix + measure.code(), signed, BigDecimal::add);
                }
                measure.metric().ifPresent(metric -> touch.add(metric, signed, cause, at));
            });
        }
    }

    void addAll(Collection<Row> rows, int sign, UUID cause, Instant at) {
        rows.forEach(row -> add(row, sign, cause, at));
    }

    /** The paths (without the measure) a row changes in one scope's month document. */
    private static List<String> prefixes(Scope scope, Row row, String day) {
        List<String> prefixes = new ArrayList<>(6);
        prefixes.add(day);
        if (row.channel() != null) {
            prefixes.add("ch." + row.channel() + ".");
        }
        if (row.promotion() != null) {
            prefixes.add("pr." + Keys.escape(row.promotion()) + ".");
        }
        EntityType type = scope.type();
        if (type == EntityType.TEAM) {
            prefixes.add(breakdown(EntityType.REP, row.rep()));
        }
        if ((type == EntityType.REGION || type == EntityType.PRODUCT_LINE || type == EntityType.COMPANY)
                && row.team() != null) {
            prefixes.add(breakdown(EntityType.TEAM, row.team()));
        }
        if ((type == EntityType.PRODUCT_LINE || type == EntityType.COMPANY) && row.region() != null) {
            prefixes.add(breakdown(EntityType.REGION, row.region()));
        }
        if ((type == EntityType.COMPANY || type == EntityType.REP) && row.productLine() != null) {
            prefixes.add(breakdown(EntityType.PRODUCT_LINE, row.productLine()));
        }
        return prefixes;
    }

    private static String breakdown(EntityType type, String id) {
        return "b." + type + "." + Keys.escape(id) + ".";
    }

    /**
     * Writes the net changes — month documents blind, progress documents through what the chunk read of them — and
     * announces what they mean for attainment.
     */
    void flush(Batch batch, AttainmentSignals signals) {
        flush(batch);
        for (Touch touch : touched()) {
            Doc doc = batch.doc(Layout.PROGRESS, touch.id());
            touch.moved().forEach(metric -> signals.evaluate(doc, touch.scope, touch.period, metric, touch.asOf,
                    touch.causes(metric), batch));
        }
    }

    /** Writes the net changes: month documents blind, progress documents through what the chunk read of them. */
    void flush(Batch batch) {
        months.forEach((id, paths) -> {
            Doc month = null;
            for (Map.Entry<String, BigDecimal> path : paths.entrySet()) {
                if (path.getValue().signum() != 0) {
                    if (month == null) {
                        month = batch.doc(Layout.MONTHS, id);
                    }
                    inc(month, path.getKey(), path.getValue());
                }
            }
        });
        progress.values().forEach(touch -> {
            List<TargetMetric> moved = touch.moved();
            if (!moved.isEmpty()) {
                Doc doc = batch.doc(Layout.PROGRESS, touch.id());
                moved.forEach(metric -> inc(doc, "a." + metric, touch.delta.get(metric)));
            }
        });
        scopes.forEach((period, paths) -> {
            Doc index = batch.doc(Layout.SCOPES, period.toString());
            paths.forEach(path -> index.set(path, true));
        });
    }

    /** The scopes' months whose target metrics moved. */
    List<Touch> touched() {
        return progress.values().stream().filter(touch -> !touch.moved().isEmpty()).toList();
    }

    /** The progress documents a row needs read to judge crossings. */
    static List<String> progressIds(Row row) {
        YearMonth period = YearMonth.from(row.day());
        return row.scopes().stream().map(scope -> Layout.id(scope, period)).toList();
    }

    private static void inc(Doc doc, String path, BigDecimal value) {
        String code = path.substring(path.lastIndexOf('.') + 1);
        boolean money = path.startsWith("a.")
                ? TargetMetric.valueOf(code).isMoney()
                : Measure.ofCode(code).map(Measure::isMoney).orElse(true);
        if (money) {
            doc.inc(path, value);
        } else {
            doc.inc(path, value.longValueExact());
        }
    }
}
