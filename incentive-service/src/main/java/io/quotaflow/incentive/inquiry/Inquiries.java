package io.quotaflow.incentive.inquiry;

import io.quotaflow.incentive.award.StatementLine;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * The inquiries ({@code inquiries}, one document each). A resolution is one conditional write (only while the
 * inquiry is OPEN) that stores the decision, the adjustment line and "to be published" together: the document is
 * its own outbox. Inquiries are few; lists are read with a filter.
 */
@Repository
class Inquiries {

    static final String COLLECTION = "inquiries";

    private final MongoTemplate mongo;

    Inquiries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void insert(Document inquiry) {
        collection().insertOne(inquiry);
    }

    Optional<Document> find(String inquiryId) {
        return Optional.ofNullable(collection().find(new Document("_id", inquiryId)).first());
    }

    List<Document> find(Document filter) {
        List<Document> found = new ArrayList<>();
        collection().find(filter).sort(new Document("openedAt", 1)).into(found);
        return found;
    }

    void append(String inquiryId, Document entry) {
        collection().updateOne(new Document("_id", inquiryId), new Document("$push", new Document("trail", entry)));
    }

    /** Resolves an open inquiry; {@code false} when it was resolved already. */
    boolean resolve(String inquiryId, String status, Document resolution, StatementLine adjustment, Document entry) {
        Document set = new Document("status", status).append("resolution", resolution);
        if (adjustment != null) {
            set.append("adjustment", new Document(adjustment.toMap())).append(io.quotaflow.incentive.publication.DocumentOutbox.PENDING, true);
        }
        return collection().updateOne(new Document("_id", inquiryId).append("status", "OPEN"),
                new Document("$set", set).append("$push", new Document("trail", entry))).getMatchedCount() > 0;
    }

    /** Accepted adjustments whose {@code field} (payPeriod or earnedIn) is {@code period}; of one payee, or all. */
    List<StatementLine> adjustments(String payeeId, String field, YearMonth period) {
        Document filter = new Document("status", "ACCEPTED").append("adjustment." + field, period.toString());
        if (payeeId != null) {
            filter.append("adjustment.payeeId", payeeId);
        }
        List<StatementLine> lines = new ArrayList<>();
        for (Document inquiry : collection().find(filter)) {
            lines.add(StatementLine.from(inquiry.get("adjustment", Document.class)));
        }
        return lines;
    }

    static Document entry(Instant at, String by, String action, String note) {
        return new Document("at", Date.from(at)).append("by", by).append("action", action).append("note", note);
    }

    private com.mongodb.client.MongoCollection<Document> collection() {
        return mongo.getCollection(COLLECTION);
    }
}
