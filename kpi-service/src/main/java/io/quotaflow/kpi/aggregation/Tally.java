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
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A chunk's change to the figures, summed in memory first (pre-aggregation): every row, with its sign, adds to the
 * amounts of each scope's month it counts for — by day, by lead channel, by promotion, by breakdown — and to the
 * month actuals of its target metrics. Nothing reaches a document until {@link #flush}, which writes each path once
 * with its net change (and skips those that net to zero). Per event only amounts are added; paths are built once per
 * chunk.
 */
final class Tally {

    static final int MAX_CAUSES = 100;

    /** What the funnel by lead channel needs: for reps, teams and the company. */
    static final Set<Measure> CHANNEL = EnumSet.of(Measure.LEADS, Measure.QUALIFIED_LEADS, Measure.DEALS,
            Measure.REVENUE);
    /** What promotion effectiveness needs: for teams and the company (the review). */
    static final Set<Measure> PROMOTION = EnumSet.of(Measure.LEADS, Measure.DEALS, Measure.REVENUE,
            Measure.GROSS_MARGIN);
    /** What a breakdown row shows: the target metrics and leads. */
    static final Set<Measure> BREAKDOWN = EnumSet.of(Measure.REVENUE, Measure.GROSS_MARGIN, Measure.COLLECTIONS,
            Measure.DEALS, Measure.NEW_CUSTOMERS, Measure.CALLS, Measure.VISITS, Measure.FOLLOW_UPS, Measure.LEADS,
            Measure.QUALIFIED_LEADS);
    private static final Measure[] MEASURES = Measure.values();

    private final Map<ScopeMonth, Month> months = new LinkedHashMap<>();

    /** A scope's month: the id of its month and progress documents. */
    record ScopeMonth(Scope scope, YearMonth period) {
        String id() {
            return Layout.id(scope, period);
        }
    }

    /** A part of a month document below the days: {@code ch.<channel>}, {@code pr.<code>}, {@code b.<TYPE>.<id>}. */
    private record Section(String kind, String id, Set<Measure> measures) {
        String path() {
            return kind + "." + Keys.escape(id) + ".";
        }
    }

    /** Amounts by measure. */
    private static final class Amounts {
        private final BigDecimal[] values = new BigDecimal[MEASURES.length];

        void add(Measure measure, BigDecimal value) {
            int index = measure.ordinal();
            values[index] = values[index] == null ? value : values[index].add(value);
        }

        void writeTo(Doc doc, String prefix) {
            for (Measure measure : MEASURES) {
                BigDecimal value = values[measure.ordinal()];
                if (value != null && value.signum() != 0) {
                    inc(doc, prefix + measure.code(), value, measure.isMoney());
                }
            }
        }
    }

    /** What a chunk did to one scope's month. */
    private static final class Month {
        final Map<Integer, Amounts> days = new TreeMap<>();
        final Map<Section, Amounts> sections = new LinkedHashMap<>();
        final Touch touch;

        Month(ScopeMonth key) {
            touch = new Touch(key.scope(), key.period());
        }
    }

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
        int day = row.day().getDayOfMonth();
        for (Scope scope : row.scopes()) {
            Month month = months.computeIfAbsent(new ScopeMonth(scope, period), Month::new);
            Amounts daily = month.days.computeIfAbsent(day, d -> new Amounts());
            List<Section> sections = sections(scope, row);
            row.values().forEach((measure, value) -> {
                BigDecimal signed = sign < 0 ? value.negate() : value;
                daily.add(measure, signed);
                for (Section section : sections) {
                    if (section.measures().contains(measure)) {
                        month.sections.computeIfAbsent(section, s -> new Amounts()).add(measure, signed);
                    }
                }
                measure.metric().ifPresent(metric -> month.touch.add(metric, signed, cause, at));
            });
        }
    }

    void addAll(Collection<Row> rows, int sign, UUID cause, Instant at) {
        rows.forEach(row -> add(row, sign, cause, at));
    }

    /**
     * The sections a row adds to in one scope's month document: by lead channel for reps, teams and the company; by
     * promotion for teams and the company; the breakdowns each scope's view shows (a team by rep, a region, a product
     * line and the company by team, the company also by region and product line). Fewer paths per update keep the
     * database's work per chunk small.
     */
    private static List<Section> sections(Scope scope, Row row) {
        EntityType type = scope.type();
        boolean repTeamOrCompany = type == EntityType.REP || type == EntityType.TEAM || type == EntityType.COMPANY;
        boolean teamOrCompany = type == EntityType.TEAM || type == EntityType.COMPANY;
        List<Section> sections = new ArrayList<>(5);
        if (row.channel() != null && repTeamOrCompany) {
            sections.add(new Section("ch", row.channel().name(), CHANNEL));
        }
        if (row.promotion() != null && teamOrCompany) {
            sections.add(new Section("pr", row.promotion(), PROMOTION));
        }
        if (type == EntityType.TEAM) {
            sections.add(new Section("b.REP", row.rep(), BREAKDOWN));
        }
        if (type != EntityType.TEAM && type != EntityType.REP && row.team() != null) {
            sections.add(new Section("b.TEAM", row.team(), BREAKDOWN));
        }
        if (type == EntityType.COMPANY && row.region() != null) {
            sections.add(new Section("b.REGION", row.region(), BREAKDOWN));
        }
        if (type == EntityType.COMPANY && row.productLine() != null) {
            sections.add(new Section("b.PRODUCT_LINE", row.productLine(), BREAKDOWN));
        }
        return sections;
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
        Map<YearMonth, Set<String>> scopes = new LinkedHashMap<>();
        months.forEach((key, month) -> {
            Doc doc = batch.doc(Layout.MONTHS, key.id());
            month.days.forEach((day, amounts) -> amounts.writeTo(doc, "d." + BusinessCalendar.dayKey(day) + "."));
            month.sections.forEach((section, amounts) -> amounts.writeTo(doc, section.path()));
            List<TargetMetric> moved = month.touch.moved();
            if (!moved.isEmpty()) {
                Doc progress = batch.doc(Layout.PROGRESS, key.id());
                moved.forEach(metric -> inc(progress, "a." + metric, month.touch.delta.get(metric), metric.isMoney()));
            }
            scopes.computeIfAbsent(key.period(), p -> new LinkedHashSet<>())
                    .add("s." + key.scope().type() + "." + Keys.escape(key.scope().id()));
        });
        scopes.forEach((period, paths) -> {
            Doc index = batch.doc(Layout.SCOPES, period.toString());
            paths.forEach(path -> index.set(path, true));
        });
    }

    /** The scopes' months whose target metrics moved. */
    List<Touch> touched() {
        return months.values().stream().map(month -> month.touch).filter(touch -> !touch.moved().isEmpty()).toList();
    }

    /** The progress documents a row needs read to judge crossings. */
    static List<String> progressIds(Row row) {
        YearMonth period = YearMonth.from(row.day());
        return row.scopes().stream().map(scope -> Layout.id(scope, period)).toList();
    }

    private static void inc(Doc doc, String path, BigDecimal value, boolean money) {
        if (money) {
            doc.inc(path, value);
        } else {
            doc.inc(path, value.longValueExact());
        }
    }
}
