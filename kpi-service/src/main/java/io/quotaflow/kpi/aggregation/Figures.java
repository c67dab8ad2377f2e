package io.quotaflow.kpi.aggregation;

import io.quotaflow.events.EntityType;
import io.quotaflow.events.TargetMetric;
import io.quotaflow.events.activity.LeadChannel;
import io.quotaflow.kpi.aggregation.domain.Measure;
import io.quotaflow.kpi.aggregation.domain.MonthFigures;
import io.quotaflow.kpi.aggregation.domain.Scope;
import io.quotaflow.kpi.aggregation.domain.Totals;
import io.quotaflow.kpi.attainment.TargetBook;
import io.quotaflow.kpi.attainment.domain.TargetPlan;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Reads the figures the projections keep, always by {@code _id} (one document, or one {@code $in} query). */
@Component
public class Figures {

    private final MongoTemplate mongo;

    public Figures(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public MonthFigures month(Scope scope, YearMonth period) {
        return parse(scope, period, mongo.findById(Layout.id(scope, period), Document.class, Layout.MONTHS));
    }

    /** Several scopes' (or months') figures in one query. */
    public Map<String, MonthFigures> months(Collection<Scope> scopes, Collection<YearMonth> periods) {
        Map<String, MonthFigures> figures = new LinkedHashMap<>();
        List<String> ids = new ArrayList<>();
        for (Scope scope : scopes) {
            for (YearMonth period : periods) {
                String id = Layout.id(scope, period);
                ids.add(id);
                figures.put(id, MonthFigures.empty(scope, period));
            }
        }
        if (ids.isEmpty()) {
            return figures;
        }
        for (Document document : mongo.find(Query.query(Criteria.where("_id").in(ids)), Document.class, Layout.MONTHS)) {
            MonthFigures empty = figures.get(document.getString("_id"));
            figures.put(document.getString("_id"), parse(empty.scope(), empty.period(), document));
        }
        return figures;
    }

    /** The targets in force for a scope's month, by metric (with their weekly and daily breakdowns). */
    public Map<TargetMetric, TargetPlan> targets(Scope scope, YearMonth period) {
        return targets(List.of(scope), period).getOrDefault(scope, Map.of());
    }

    public Map<Scope, Map<TargetMetric, TargetPlan>> targets(Collection<Scope> scopes, YearMonth period) {
        Map<String, Scope> byId = new LinkedHashMap<>();
        scopes.forEach(scope -> byId.put(Layout.id(scope, period), scope));
        Map<Scope, Map<TargetMetric, TargetPlan>> targets = new LinkedHashMap<>();
        if (byId.isEmpty()) {
            return targets;
        }
        for (Document document : mongo.find(Query.query(Criteria.where("_id").in(byId.keySet())), Document.class,
                Layout.TARGETS)) {
            Map<TargetMetric, TargetPlan> plans = new EnumMap<>(TargetMetric.class);
            if (document.get("p") instanceof Document byMetric) {
                byMetric.forEach((metric, entries) -> TargetBook.effective((Document) entries,
                        TargetMetric.valueOf(metric), period).ifPresent(plan -> plans.put(plan.metric(), plan)));
            }
            targets.put(byId.get(document.getString("_id")), plans);
        }
        return targets;
    }

    /** Every scope of a type with figures or a target in the month. */
    public List<Scope> scopes(YearMonth period, EntityType type) {
        Document index = mongo.findById(period.toString(), Document.class, Layout.SCOPES);
        List<Scope> scopes = new ArrayList<>();
        if (index != null && index.get("s") instanceof Document byType && byType.get(type.name()) instanceof Document ids) {
            ids.keySet().forEach(id -> scopes.add(new Scope(type, Keys.unescape(id))));
        }
        return scopes;
    }

    public Optional<Document> document(String collection, String id) {
        return Optional.ofNullable(mongo.findById(id, Document.class, collection));
    }

    public List<Document> documents(String collection, Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), Document.class, collection);
    }

    static MonthFigures parse(Scope scope, YearMonth period, Document document) {
        if (document == null) {
            return MonthFigures.empty(scope, period);
        }
        TreeMap<java.time.LocalDate, Totals> days = new TreeMap<>();
        nested(document, "d").forEach((day, totals) -> days.put(period.atDay(Integer.parseInt(day)), totals(totals)));
        Map<LeadChannel, Totals> channels = new EnumMap<>(LeadChannel.class);
        nested(document, "ch").forEach((channel, totals) -> {
            try {
                channels.put(LeadChannel.valueOf(channel), totals(totals));
            } catch (IllegalArgumentException newerChannel) {
                // a channel this build does not know yet: left out of the channel view
            }
        });
        Map<String, Totals> promotions = new TreeMap<>();
        nested(document, "pr").forEach((code, totals) -> promotions.put(Keys.unescape(code), totals(totals)));
        Map<EntityType, Map<String, Totals>> breakdown = new EnumMap<>(EntityType.class);
        nested(document, "b").forEach((type, byId) -> {
            Map<String, Totals> entries = new TreeMap<>();
            if (byId instanceof Document ids) {
                ids.forEach((id, totals) -> entries.put(Keys.unescape(id), totals(totals)));
            }
            breakdown.put(EntityType.valueOf(type), entries);
        });
        return new MonthFigures(scope, period, days, channels, promotions, breakdown);
    }

    private static Document nested(Document document, String field) {
        return document.get(field) instanceof Document nested ? nested : new Document();
    }

    private static Totals totals(Object value) {
        Map<Measure, BigDecimal> values = new EnumMap<>(Measure.class);
        if (value instanceof Document byCode) {
            byCode.forEach((code, amount) -> Measure.ofCode(code).ifPresent(measure -> {
                BigDecimal decimal = Fields.decimal(amount);
                if (decimal != null) {
                    values.put(measure, decimal);
                }
            }));
        }
        return new Totals(values);
    }
}
