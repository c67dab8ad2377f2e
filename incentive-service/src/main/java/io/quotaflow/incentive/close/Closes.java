package io.quotaflow.incentive.close;

import io.quotaflow.incentive.award.IncentiveCollections;
import io.quotaflow.incentive.award.StatementLine;
import io.quotaflow.incentive.statement.PeriodState;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * The period closes ({@code period_closes}, one document per period under the period, e.g. {@code 2026-12}).
 * Beginning a close is an insert of that id (so a period begins closing once); completing it is one conditional
 * write from CLOSING to CLOSED that stores the rank and team awards and the events to publish (so it completes
 * once, whoever races): the document is its own outbox.
 */
@Repository
class Closes {

    private final MongoTemplate mongo;

    Closes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    Optional<Document> find(YearMonth period) {
        return Optional.ofNullable(collection().find(new Document("_id", period.toString())).first());
    }

    /** Begins the close; {@code false} when it had begun already. */
    boolean begin(YearMonth period, String by, Instant at) {
        try {
            collection().insertOne(new Document("_id", period.toString()).append("status", PeriodState.CLOSING)
                    .append("requestedBy", by).append("requestedAt", Date.from(at)));
            return true;
        } catch (com.mongodb.MongoWriteException e) {
            if (e.getError().getCategory() == com.mongodb.ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** Completes the close with what it computed; {@code false} when someone else completed it first. */
    boolean complete(YearMonth period, Completed completed) {
        List<Document> lines = new ArrayList<>();
        completed.lines().forEach(line -> lines.add(new Document(line.toMap())));
        Document set = new Document("status", PeriodState.CLOSED).append("closedBy", completed.closedBy())
                .append("closedAt", Date.from(completed.closedAt())).append("lines", lines)
                .append("awardCount", completed.awardCount())
                .append("totalAmount", new org.bson.types.Decimal128(completed.totalAmount()))
                .append("currency", completed.currency()).append(io.quotaflow.incentive.publication.DocumentOutbox.PENDING, true);
        return collection().updateOne(new Document("_id", period.toString()).append("status", PeriodState.CLOSING),
                new Document("$set", set)).getMatchedCount() > 0;
    }

    /** What a completed close stores. */
    record Completed(List<StatementLine> lines, int awardCount, java.math.BigDecimal totalAmount, String currency,
                     String closedBy, Instant closedAt) {
    }

    static List<StatementLine> lines(Document close) {
        List<StatementLine> lines = new ArrayList<>();
        close.getList("lines", Document.class, List.of()).forEach(line -> lines.add(StatementLine.from(line)));
        return lines;
    }

    private com.mongodb.client.MongoCollection<Document> collection() {
        return mongo.getCollection(IncentiveCollections.CLOSES);
    }
}
