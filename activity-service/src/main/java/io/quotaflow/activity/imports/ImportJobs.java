package io.quotaflow.activity.imports;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.quotaflow.web.FieldProblem;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/** Import jobs (collection {@code import_jobs}, one document per job, updated once per batch). */
@Component
class ImportJobs {

    static final String COLLECTION = "import_jobs";

    private final MongoTemplate mongo;
    private final Clock wallClock = Clock.systemUTC();

    ImportJobs(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void create(String jobId, String fileName, String requestedBy) {
        Date now = now();
        collection().insertOne(new Document("_id", jobId).append("status", ImportJob.RUNNING)
                .append("fileName", fileName).append("requestedBy", requestedBy)
                .append("rowsRead", 0L).append("accepted", 0L).append("duplicates", 0L).append("rejected", 0L)
                .append("errors", List.of()).append("errorsTruncated", false)
                .append("startedAt", now).append("updatedAt", now));
    }

    /** The counts after a batch, and the row errors it added. */
    void progress(String jobId, CsvImport.Counts counts, List<CsvImport.RowError> newErrors) {
        List<Bson> updates = new ArrayList<>(List.of(Updates.set("rowsRead", counts.rowsRead()),
                Updates.set("accepted", counts.accepted()), Updates.set("duplicates", counts.duplicates()),
                Updates.set("rejected", counts.rejected()), Updates.set("errorsTruncated", counts.errorsTruncated()),
                Updates.set("updatedAt", now())));
        if (!newErrors.isEmpty()) {
            updates.add(Updates.pushEach("errors", newErrors.stream().map(ImportJobs::document).toList()));
        }
        collection().updateOne(Filters.eq("_id", jobId), Updates.combine(updates));
    }

    void finish(String jobId) {
        Date now = now();
        collection().updateOne(Filters.eq("_id", jobId), Updates.combine(Updates.set("status", ImportJob.COMPLETED),
                Updates.set("updatedAt", now), Updates.set("finishedAt", now)));
    }

    void fail(String jobId, String failure) {
        Date now = now();
        collection().updateOne(Filters.eq("_id", jobId), Updates.combine(Updates.set("status", ImportJob.FAILED),
                Updates.set("failure", failure), Updates.set("updatedAt", now), Updates.set("finishedAt", now)));
    }

    Optional<Document> find(String jobId) {
        return Optional.ofNullable(collection().find(Filters.eq("_id", jobId)).first());
    }

    /** The job as stored, {@code STALLED} when it runs but has not moved since {@code stalledBefore}. */
    static ImportJob view(Document job, Instant stalledBefore) {
        String status = job.getString("status");
        Instant updatedAt = instant(job, "updatedAt");
        if (ImportJob.RUNNING.equals(status) && updatedAt.isBefore(stalledBefore)) {
            status = ImportJob.STALLED;
        }
        List<ImportJob.RowErrorView> errors = job.getList("errors", Document.class).stream()
                .map(error -> new ImportJob.RowErrorView(error.getInteger("line"), error.getInteger("status"),
                        error.getList("errors", Document.class).stream()
                                .map(problem -> new FieldProblem(problem.getString("field"), problem.getString("message")))
                                .toList()))
                .toList();
        return new ImportJob(job.getString("_id"), status, job.getString("fileName"), number(job, "rowsRead"),
                number(job, "accepted"), number(job, "duplicates"), number(job, "rejected"), errors,
                job.getBoolean("errorsTruncated", false), job.getString("failure"), job.getString("requestedBy"),
                instant(job, "startedAt"), updatedAt, instant(job, "finishedAt"));
    }

    private static Document document(CsvImport.RowError error) {
        return new Document("line", error.line()).append("status", error.status()).append("errors", error.errors()
                .stream().map(problem -> new Document("field", problem.field()).append("message", problem.message()))
                .toList());
    }

    private static long number(Document job, String field) {
        Object value = job.get(field);
        return value instanceof Number n ? n.longValue() : 0L;
    }

    private static Instant instant(Document job, String field) {
        Date date = job.getDate(field);
        return date == null ? null : date.toInstant();
    }

    private Date now() {
        return Date.from(wallClock.instant());
    }

    private MongoCollection<Document> collection() {
        return mongo.getCollection(COLLECTION);
    }
}
