package io.quotaflow.incentive.statement;

import io.quotaflow.incentive.award.Documents;
import io.quotaflow.incentive.award.IncentiveCollections;
import io.quotaflow.incentive.award.StatementLine;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Lines and awards from the ledgers' documents: a payee's {@code rep_kpis} and {@code rep_sales} documents of a
 * period hold the lines paid in it and the state of every award earned in it; the awards themselves are read by id.
 */
@Component
class LedgerLines implements LineSource {

    private static final List<String> STATEMENTS = List.of(IncentiveCollections.REP_KPIS, IncentiveCollections.REP_SALES);

    private final MongoTemplate mongo;

    LedgerLines(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public List<StatementLine> paidIn(String payeeId, YearMonth period) {
        List<StatementLine> lines = new ArrayList<>();
        for (String collection : STATEMENTS) {
            lines.addAll(StatementLine.of(read(collection, payeeId, period)));
        }
        return lines;
    }

    @Override
    public List<AwardView> earnedIn(String payeeId, YearMonth period) {
        List<String> ids = new ArrayList<>();
        for (String collection : STATEMENTS) {
            Document state = read(collection, payeeId, period);
            if (state != null && state.get("awards") instanceof Document awards) {
                awards.values().forEach(award -> ids.add(((Document) award).getString("awardId")));
            }
        }
        if (ids.isEmpty()) {
            return List.of();
        }
        List<AwardView> views = new ArrayList<>();
        for (Document award : mongo.getCollection(IncentiveCollections.AWARDS).find(new Document("_id",
                new Document("$in", ids)))) {
            views.add(view(award));
        }
        return views;
    }

    @Override
    public Set<String> payees(YearMonth period) {
        Document payees = mongo.getCollection(IncentiveCollections.PAYEES).find(new Document("_id", period.toString())).first();
        return payees == null ? Set.of() : Set.copyOf(payees.getList("payees", String.class, List.of()));
    }

    private Document read(String collection, String payeeId, YearMonth period) {
        return mongo.getCollection(collection).find(new Document("_id", IncentiveCollections.id(payeeId, period))).first();
    }

    private static AwardView view(Document award) {
        List<UUID> sources = award.getList("sourceEventIds", String.class, List.of()).stream().map(UUID::fromString).toList();
        return new AwardView(award.getString("_id"), award.getString("ruleId"), award.getString("payeeId"),
                YearMonth.parse(award.getString("period")),
                Documents.decimal(award, "amount").setScale(2),
                award.getString("currency"), award.getString("tier"), award.getString("status"), sources,
                award.getString("planId"), ((Number) award.get("planVersion")).intValue(), award.getString("ruleType"),
                award.getString("description"));
    }
}
