package io.quotaflow.incentive.award;

import io.quotaflow.events.EventEnvelope;
import io.quotaflow.events.incentive.IncentiveAwarded;
import io.quotaflow.events.incentive.IncentiveClawedBack;
import io.quotaflow.platform.messaging.EventPublisher;
import org.bson.Document;
import org.bson.types.Decimal128;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One line of a payee's statement: a change of one award, by one event. Positive amounts award, negative ones claw
 * back. {@code earnedIn} is the period the award belongs to; {@code payPeriod} the statement that carries the line —
 * a later one when the award's period was closed (an adjustment). Every line traces to its rule, plan version and
 * source events, and is announced by exactly one event whose id is the line's id.
 */
public record StatementLine(UUID lineId, String awardId, String planId, int planVersion, String ruleId,
                            String ruleType, String tier, String payeeId, BigDecimal amount, String currency,
                            LineStatus status, YearMonth earnedIn, YearMonth payPeriod, List<UUID> sourceEventIds,
                            String description, Instant at) {

    public StatementLine {
        sourceEventIds = sourceEventIds == null ? List.of() : List.copyOf(sourceEventIds);
    }

    /** Whether this line pays a period other than the one it was earned in. */
    public boolean adjustment() {
        return !earnedIn.equals(payPeriod);
    }

    public StatementLine withStatus(LineStatus newStatus) {
        return new StatementLine(lineId, awardId, planId, planVersion, ruleId, ruleType, tier, payeeId, amount,
                currency, newStatus, earnedIn, payPeriod, sourceEventIds, description, at);
    }

    /** The event that announces the line: {@code IncentiveAwarded} for an award, {@code IncentiveClawedBack} else. */
    public EventEnvelope<?> event(EventPublisher publisher) {
        YearMonth adjusts = adjustment() ? earnedIn : null;
        if (amount.signum() > 0) {
            return publisher.envelope(lineId, at, new IncentiveAwarded(awardId, planId, planVersion, ruleId, ruleType,
                    payeeId, payPeriod, amount, currency, tier, description, sourceEventIds, at, adjusts));
        }
        return publisher.envelope(lineId, at, new IncentiveClawedBack(lineId.toString(), awardId, ruleId, payeeId,
                payPeriod, amount.negate(), currency, description, sourceEventIds, at, adjusts));
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("lineId", lineId.toString());
        map.put("awardId", awardId);
        map.put("planId", planId);
        map.put("planVersion", (long) planVersion);
        map.put("ruleId", ruleId);
        map.put("ruleType", ruleType);
        map.put("tier", tier);
        map.put("payeeId", payeeId);
        map.put("amount", new Decimal128(amount));
        map.put("currency", currency);
        map.put("status", status.name());
        map.put("earnedIn", earnedIn.toString());
        map.put("payPeriod", payPeriod.toString());
        map.put("sourceEventIds", sourceEventIds.stream().map(UUID::toString).toList());
        map.put("description", description);
        map.put("at", Date.from(at));
        return map;
    }

    public static StatementLine from(Document line) {
        List<UUID> sources = new ArrayList<>();
        for (Object source : line.getList("sourceEventIds", Object.class, List.of())) {
            sources.add(UUID.fromString(source.toString()));
        }
        Object amount = line.get("amount");
        return new StatementLine(UUID.fromString(line.getString("lineId")), line.getString("awardId"),
                line.getString("planId"), ((Number) line.get("planVersion")).intValue(), line.getString("ruleId"),
                line.getString("ruleType"), line.getString("tier"), line.getString("payeeId"),
                amount instanceof Decimal128 decimal ? decimal.bigDecimalValue() : new BigDecimal(amount.toString()),
                line.getString("currency"), LineStatus.valueOf(line.getString("status")),
                YearMonth.parse(line.getString("earnedIn")), YearMonth.parse(line.getString("payPeriod")), sources,
                line.getString("description"), line.getDate("at").toInstant());
    }

    /** The lines of a state document (its {@code lines} map), in the order they happened. */
    public static List<StatementLine> of(Document state) {
        List<StatementLine> lines = new ArrayList<>();
        if (state != null && state.get("lines") instanceof Document byId) {
            byId.values().forEach(line -> lines.add(from((Document) line)));
        }
        lines.sort(java.util.Comparator.comparing(StatementLine::at).thenComparing(l -> l.lineId().toString()));
        return lines;
    }
}
