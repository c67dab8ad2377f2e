package io.quotaflow.kpi.alerts;

import io.quotaflow.events.kpi.KpiAnomalyDetected.AlertStatus;
import io.quotaflow.events.kpi.Severity;
import io.quotaflow.kpi.aggregation.Fields;
import io.quotaflow.kpi.aggregation.Keys;
import io.quotaflow.kpi.aggregation.domain.Scope;
import io.quotaflow.kpi.alerts.AlertViews.AlertView;
import io.quotaflow.kpi.scorecard.ScorecardViews.ScopeView;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The alerts of a month, one document per month in {@code kpi_alerts} ({@code a.<alertId>}), read by {@code _id}.
 * Written only by the {@link AlertEvaluator} that holds the lease.
 */
@Component
class AlertStore {

    static final String ALERTS = "kpi_alerts";

    private final MongoTemplate mongo;

    AlertStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    Map<String, AlertView> of(YearMonth period) {
        Map<String, AlertView> alerts = new LinkedHashMap<>();
        Document month = mongo.findById(period.toString(), Document.class, ALERTS);
        Document byId = month == null ? null : Fields.document(month, "a");
        if (byId != null) {
            byId.forEach((key, value) -> {
                Document alert = (Document) value;
                Scope scope = Scope.parse(alert.getString("scope"));
                alerts.put(Keys.unescape(key), new AlertView(Keys.unescape(key), ScopeView.of(scope), period,
                        alert.getString("kind"), alert.getString("metric"),
                        Fields.enumOf(alert, "severity", Severity::valueOf),
                        Fields.enumOf(alert, "status", AlertStatus::valueOf), alert.getString("message"),
                        evidence(Fields.document(alert, "evidence")), Fields.instant(alert, "raisedAt"),
                        Fields.instant(alert, "clearedAt"), Fields.instant(alert, "evaluatedAt"),
                        Fields.count(alert, "n")));
            });
        }
        return alerts;
    }

    void save(AlertView alert, Scope scope) {
        Map<String, Object> stored = new LinkedHashMap<>();
        stored.put("scope", scope.key());
        stored.put("kind", alert.kind());
        stored.put("metric", alert.metric());
        stored.put("severity", alert.severity().name());
        stored.put("status", alert.status().name());
        stored.put("message", alert.message());
        stored.put("evidence", new Document(new LinkedHashMap<>(alert.evidence())));
        stored.put("raisedAt", date(alert.raisedAt()));
        stored.put("clearedAt", date(alert.clearedAt()));
        stored.put("evaluatedAt", date(alert.evaluatedAt()));
        stored.put("n", alert.occurrences());
        stored.values().removeIf(value -> value == null);
        mongo.upsert(Query.query(Criteria.where("_id").is(alert.period().toString())),
                new Update().set("a." + Keys.escape(alert.alertId()), new Document(stored)), ALERTS);
    }

    private static java.util.Date date(java.time.Instant instant) {
        return instant == null ? null : java.util.Date.from(instant);
    }

    private static Map<String, String> evidence(Document evidence) {
        Map<String, String> values = new LinkedHashMap<>();
        if (evidence != null) {
            evidence.forEach((name, value) -> values.put(name, String.valueOf(value)));
        }
        return values;
    }
}
