package io.quotaflow.incentive.award;

import io.quotaflow.incentive.domain.RuleType;
import io.quotaflow.platform.consumption.Batch;
import io.quotaflow.platform.consumption.Doc;
import org.bson.Document;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Changes awards inside a ledger chunk: every change is a statement line (in the payee's document of the paying
 * period), the award's running state (in the state document of the period it is earned in, which the projection
 * read), the award document under its unique id, and — when paid — its event, derived by the ledger with the line's
 * deterministic id. All of it is one journal entry: the award, its line and its event are never written apart.
 *
 * <p>An award's state ({@code awards.<key>} in the earning period's document): {@code credited} (every line),
 * {@code paid} (lines that count), {@code status} (AWARDED while something is paid, HELD while only held,
 * CLAWED_BACK once taken back to nothing, FORFEITED).
 */
final class AwardLedger {

    static final String AWARDED = "AWARDED";
    static final String HELD = "HELD";
    static final String CLAWED_BACK = "CLAWED_BACK";
    static final String FORFEITED = "FORFEITED";

    private final Batch batch;
    private final String collection;
    private final Routing routing;

    /** @param collection the collection of the payee-period documents this projection writes */
    AwardLedger(Batch batch, String collection) {
        this.batch = batch;
        this.collection = collection;
        this.routing = new Routing(batch);
    }

    Routing routing() {
        return routing;
    }

    /** What has been credited to the award so far (held lines included). */
    static BigDecimal credited(Doc state, Award award) {
        return state.decimal("awards." + award.key() + ".credited");
    }

    /** What the award has paid so far. */
    static BigDecimal paid(Doc state, Award award) {
        return state.decimal("awards." + award.key() + ".paid");
    }

    /**
     * Credits {@code amount} (negative: claws back) to {@code award}, whose earning period's state document is
     * {@code state}. Paid at once when {@code activityMet}; otherwise held (or, in a closed period, forfeited).
     */
    void credit(Doc state, Award award, BigDecimal amount, Cause cause, boolean activityMet) {
        if (amount.signum() == 0) {
            return;
        }
        YearMonth payPeriod = routing.payPeriod(award.period());
        LineStatus status = activityMet ? LineStatus.PAID
                : payPeriod.equals(award.period()) ? LineStatus.HELD : LineStatus.FORFEITED;
        StatementLine line = line(award, amount, cause, payPeriod, status);
        String at = "awards." + award.key();
        state.set(at + ".awardId", award.awardId()).set(at + ".planId", award.planId())
                .set(at + ".planVersion", award.planVersion()).set(at + ".ruleId", award.ruleId())
                .set(at + ".ruleType", award.ruleType()).set(at + ".tier", award.tier())
                .set(at + ".currency", award.currency()).inc(at + ".credited", amount);
        if (status == LineStatus.PAID) {
            state.inc(at + ".paid", amount);
        } else if (status == LineStatus.HELD) {
            state.set("held." + line.lineId(), award.planId());
        }
        String awardStatus = status(state, award, status);
        state.set(at + ".status", awardStatus);
        document(award, line, awardStatus);
    }

    /**
     * Credits an award whose state document is not at hand (a deal cancelled after its period left the lookback):
     * the line and the award document only, paid in the first open period.
     */
    void creditWithoutState(Award award, BigDecimal amount, Cause cause) {
        StatementLine line = line(award, amount, cause, routing.payPeriod(award.period()), LineStatus.PAID);
        document(award, line, amount.signum() < 0 ? CLAWED_BACK : AWARDED);
    }

    /** Writes the line into the statement of its paying period. */
    private StatementLine line(Award award, BigDecimal amount, Cause cause, YearMonth payPeriod, LineStatus status) {
        UUID lineId = Keys.line(award.awardId(), cause.eventId());
        StatementLine line = new StatementLine(lineId, award.awardId(), award.planId(), award.planVersion(),
                award.ruleId(), award.ruleType().name(), award.tier(), award.payeeId(), amount, award.currency(), status,
                award.period(), payPeriod, cause.sources(), cause.description(), cause.at());
        Doc statement = batch.doc(collection, IncentiveCollections.id(award.payeeId(), payPeriod));
        statement.set("payeeId", award.payeeId()).set("period", payPeriod).set("lines." + lineId, line.toMap());
        routing.registerPayee(payPeriod, award.payeeId());
        return line;
    }

    /** The award's own document under its unique id; and, for a paid line, the event. */
    private void document(Award award, StatementLine line, String awardStatus) {
        Doc document = batch.doc(IncentiveCollections.AWARDS, award.awardId());
        document.set("planId", award.planId()).set("planVersion", award.planVersion()).set("ruleId", award.ruleId())
                .set("ruleType", award.ruleType()).set("payeeId", award.payeeId()).set("period", award.period())
                .set("tier", award.tier()).set("currency", award.currency()).set("status", awardStatus)
                .set("description", line.description());
        line.sourceEventIds().forEach(source -> document.addToSet("sourceEventIds", source.toString()));
        if (line.status() == LineStatus.PAID) {
            document.inc("amount", line.amount());
            batch.emit(line.event(batch.publisher()));
        }
    }

    /** An award's identity as stored with what a deal credited to it. */
    static Map<String, Object> describe(Award award) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("awardId", award.awardId());
        map.put("planId", award.planId());
        map.put("planVersion", award.planVersion());
        map.put("ruleId", award.ruleId());
        map.put("ruleType", award.ruleType().name());
        map.put("payeeId", award.payeeId());
        map.put("period", award.period().toString());
        map.put("tier", award.tier());
        map.put("currency", award.currency());
        return map;
    }

    static Award award(Document described) {
        return new Award(described.getString("awardId"), described.getString("planId"),
                ((Number) described.get("planVersion")).intValue(), described.getString("ruleId"),
                RuleType.valueOf(described.getString("ruleType")), described.getString("payeeId"),
                YearMonth.parse(described.getString("period")), described.getString("tier"),
                described.getString("currency"));
    }

    /** Pays every line of {@code planId} held in {@code state} (the plan's minimum activity has just been met). */
    void release(Doc state, String planId) {
        Document held = new Document(state.document("held"));
        for (String lineKey : held.keySet()) {
            if (!planId.equals(held.getString(lineKey))) {
                continue;
            }
            StatementLine line = StatementLine.from(state.document("lines." + lineKey)).withStatus(LineStatus.PAID);
            state.set("lines." + lineKey + ".status", LineStatus.PAID.name()).unset("held." + lineKey);
            String at = "awards." + Keys.award(line.awardId());
            state.inc(at + ".paid", line.amount());
            String awardStatus = state.decimal(at + ".paid").signum() > 0 ? AWARDED : CLAWED_BACK;
            state.set(at + ".status", awardStatus);
            batch.doc(IncentiveCollections.AWARDS, line.awardId()).inc("amount", line.amount()).set("status", awardStatus);
            batch.emit(line.event(batch.publisher()));
        }
    }

    private static String status(Doc state, Award award, LineStatus line) {
        String at = "awards." + award.key();
        BigDecimal paid = state.decimal(at + ".paid");
        if (paid.signum() > 0) {
            return AWARDED;
        }
        if (line == LineStatus.FORFEITED) {
            return FORFEITED;
        }
        return line == LineStatus.HELD && state.decimal(at + ".credited").signum() > 0 ? HELD : CLAWED_BACK;
    }
}
