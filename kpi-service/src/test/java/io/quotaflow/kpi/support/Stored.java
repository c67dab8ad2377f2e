package io.quotaflow.kpi.support;

import com.mongodb.client.MongoDatabase;
import io.quotaflow.events.TargetMetric;
import io.quotaflow.kpi.aggregation.Layout;
import io.quotaflow.kpi.aggregation.domain.Measure;
import org.bson.Document;
import org.bson.types.Decimal128;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** What the projections stored, flattened to comparable maps (amounts as plain strings, zeros left out). */
public final class Stored {

    private static final Set<String> LEDGER_FIELDS = Set.of("_id", "v", "hw");

    private Stored() {
    }

    /** kpi_months: document id → dotted path → amount. */
    public static Map<String, Map<String, String>> months(MongoDatabase database) {
        Map<String, Map<String, String>> months = new TreeMap<>();
        for (Document document : database.getCollection(Layout.MONTHS).find()) {
            Map<String, String> paths = new TreeMap<>();
            document.forEach((key, value) -> {
                if (!LEDGER_FIELDS.contains(key)) {
                    flatten(key, value, paths);
                }
            });
            if (!paths.isEmpty()) {
                months.put(document.getString("_id"), paths);
            }
        }
        return months;
    }

    /** kpi_progress actuals: document id → metric → amount. */
    public static Map<String, Map<String, String>> actuals(MongoDatabase database) {
        Map<String, Map<String, String>> actuals = new TreeMap<>();
        for (Document document : database.getCollection(Layout.PROGRESS).find()) {
            Map<String, String> paths = new TreeMap<>();
            if (document.get("a") instanceof Document a) {
                a.forEach((metric, value) -> flatten(metric, value, paths));
            }
            if (!paths.isEmpty()) {
                actuals.put(document.getString("_id"), paths);
            }
        }
        return actuals;
    }

    /** The same shape from reference amounts. */
    public static Map<String, Map<String, String>> plain(Map<String, Map<String, BigDecimal>> amounts) {
        Map<String, Map<String, String>> plain = new TreeMap<>();
        amounts.forEach((id, paths) -> {
            Map<String, String> values = new TreeMap<>();
            paths.forEach((path, value) -> {
                if (value.signum() != 0) {
                    values.put(path, value.stripTrailingZeros().toPlainString());
                }
            });
            if (!values.isEmpty()) {
                plain.put(id, values);
            }
        });
        return plain;
    }

    /** The month actuals of the target metrics that reference month documents imply. */
    public static Map<String, Map<String, BigDecimal>> actualsOf(Map<String, Map<String, BigDecimal>> months) {
        Map<String, Map<String, BigDecimal>> actuals = new TreeMap<>();
        months.forEach((id, paths) -> paths.forEach((path, value) -> {
            if (path.startsWith("d.")) {
                Measure.ofCode(path.substring(path.lastIndexOf('.') + 1)).flatMap(Measure::metric).map(TargetMetric::name)
                        .ifPresent(metric -> actuals.computeIfAbsent(id, k -> new TreeMap<>())
                                .merge(metric, value, BigDecimal::add));
            }
        }));
        return actuals;
    }

    /** Where two such maps differ: "document path" → "stored (expected)"; empty when they agree. */
    public static Map<String, String> difference(Map<String, Map<String, String>> stored,
                                                 Map<String, Map<String, String>> expected) {
        Map<String, String> difference = new TreeMap<>();
        java.util.Set<String> ids = new java.util.TreeSet<>(stored.keySet());
        ids.addAll(expected.keySet());
        for (String id : ids) {
            Map<String, String> a = stored.getOrDefault(id, Map.of());
            Map<String, String> b = expected.getOrDefault(id, Map.of());
            java.util.Set<String> paths = new java.util.TreeSet<>(a.keySet());
            paths.addAll(b.keySet());
            for (String path : paths) {
                if (!java.util.Objects.equals(a.get(path), b.get(path))) {
                    difference.put(id + " " + path, a.get(path) + " (expected " + b.get(path) + ")");
                }
            }
        }
        return difference;
    }

    private static void flatten(String path, Object value, Map<String, String> into) {
        if (value instanceof Document nested) {
            nested.forEach((key, inner) -> flatten(path + "." + key, inner, into));
            return;
        }
        BigDecimal amount = value instanceof Decimal128 decimal ? decimal.bigDecimalValue()
                : value instanceof Number number ? BigDecimal.valueOf(number.longValue()) : null;
        if (amount == null) {
            into.put(path, String.valueOf(value));
        } else if (amount.signum() != 0) {
            into.put(path, amount.stripTrailingZeros().toPlainString());
        }
    }
}
