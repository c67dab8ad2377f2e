package io.quotaflow.kpi.attainment;

import io.quotaflow.events.TargetMetric;
import io.quotaflow.kpi.aggregation.Fields;
import io.quotaflow.kpi.attainment.domain.TargetPlan;
import io.quotaflow.kpi.calendar.BusinessCalendar;
import io.quotaflow.platform.consumption.Doc;
import org.bson.Document;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The target in force as a progress document holds it, {@code t.<METRIC>: {m, b, c, cur, d: {dd: amount}}}: compact,
 * because every chunk reads the progress documents it touches.
 */
public final class ProgressTargets {

    private ProgressTargets() {
    }

    public static Map<String, Object> compact(TargetPlan plan) {
        Map<String, Object> compact = new LinkedHashMap<>();
        compact.put("m", plan.monthly());
        if (plan.base() != null) {
            compact.put("b", plan.base());
        }
        if (plan.challenge() != null) {
            compact.put("c", plan.challenge());
        }
        if (plan.currency() != null) {
            compact.put("cur", plan.currency());
        }
        Map<String, Object> daily = new TreeMap<>();
        plan.daily().forEach((day, amount) -> daily.put(BusinessCalendar.dayKey(day), amount));
        compact.put("d", daily);
        return compact;
    }

    /** The target in force for {@code metric}, or {@code null}. */
    public static TargetPlan read(Doc progress, TargetMetric metric, YearMonth period) {
        if (!progress.has("t." + metric)) {
            return null;
        }
        return read(progress.document("t." + metric), metric, period);
    }

    public static TargetPlan read(Document compact, TargetMetric metric, YearMonth period) {
        if (compact == null || compact.get("m") == null) {
            return null;
        }
        Map<LocalDate, BigDecimal> daily = new TreeMap<>();
        Object days = compact.get("d");
        if (days instanceof Document byDay) {
            byDay.forEach((day, amount) -> daily.put(period.atDay(Integer.parseInt(day)), decimal(amount)));
        }
        return new TargetPlan(metric, decimal(compact.get("m")), decimal(compact.get("b")), decimal(compact.get("c")),
                compact.getString("cur"), new TreeMap<>(daily), Map.of());
    }

    static BigDecimal decimal(Object value) {
        return Fields.decimal(value);
    }
}
