package io.quotaflow.kpi.alerts;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import io.quotaflow.events.kpi.KpiAnomalyDetected.AlertStatus;
import io.quotaflow.events.kpi.Severity;
import io.quotaflow.kpi.aggregation.Fields;
import io.quotaflow.kpi.aggregation.Keys;
import io.quotaflow.kpi.aggregation.domain.Scope;
import io.quotaflow.kpi.alerts.AlertViews.AlertView;
import io.quotaflow.kpi.scorecard.ScorecardViews.ScopeView;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The alerts of a month, one document per alert in {@code kpi_alerts} ({@code {_id: alertId, period: "2027-01",
 * ...}}, indexed by period), written in one bulk command per evaluation. Alerts stored before they had documents of
 * their own sit in one document per month ({@code {_id: "2027-01", a.<alertId>}}); they are still read, and an alert
 * of its own document wins over its entry there. Written only by the {@link AlertEvaluator} that holds the lease.
 */
@Component
class AlertStore {

    static final String ALERTS = "kpi_alerts";
    private static final String PERIOD = "period";

    private final MongoTemplate mongo;
    private volatile boolean indexed;

    AlertStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    Map<String, AlertView> of(YearMonth period) {
        Map<String, AlertView> alerts = new LinkedHashMap<>();
        MongoCollection<Document> collection = collection();
        Document month = collection.find(Filters.eq("_id", period.toString())).first();
        Document byId = month == null ? null : Fields.document(month, "a");
        if (byId != null) {
            byId.forEach((key, value) -> alerts.put(Keys.unescape(key), view(Keys.unescape(key), period,
                    (Document) value)));
        }
        for (Document alert : collection.find(Filters.eq(PERIOD, period.toString()))) {
            String alertId = alert.getString("_id");
            alerts.put(alertId, view(alertId, period, alert));
        }
        return alerts;
    }

    /** Stores the alerts in one command. */
    void save(Collection<AlertView> alerts) {
        if (alerts.isEmpty()) {
            return;
        }
        List<ReplaceOneModel<Document>> writes = new ArrayList<>(alerts.size());
        alerts.forEach(alert -> writes.add(new ReplaceOneModel<>(Filters.eq("_id", alert.alertId()), stored(alert),
                new ReplaceOptions().upsert(true))));
        collection().bulkWrite(writes, new BulkWriteOptions().ordered(false));
    }

    private MongoCollection<Document> collection() {
        MongoCollection<Document> collection = mongo.getCollection(ALERTS);
        if (!indexed) {
            collection.createIndex(Indexes.ascending(PERIOD));
            indexed = true;
        }
        return collection;
    }

    private static AlertView view(String alertId, YearMonth period, Document alert) {
        Scope scope = Scope.parse(alert.getString("scope"));
        return new AlertView(alertId, ScopeView.of(scope), period, alert.getString("kind"), alert.getString("metric"),
                Fields.enumOf(alert, "severity", Severity::valueOf),
                Fields.enumOf(alert, "status", AlertStatus::valueOf),
                alert.getString("message"), evidence(Fields.document(alert, "evidence")),
                Fields.instant(alert, "raisedAt"), Fields.instant(alert, "clearedAt"),
                Fields.instant(alert, "evaluatedAt"), Fields.count(alert, "n"));
    }

    private static Document stored(AlertView alert) {
        Document stored = new Document("_id", alert.alertId());
        stored.put(PERIOD, alert.period().toString());
        stored.put("scope", alert.scope().scope().key());
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
        return stored;
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
