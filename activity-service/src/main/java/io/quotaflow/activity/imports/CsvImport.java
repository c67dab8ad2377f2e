package io.quotaflow.activity.imports;

import io.quotaflow.activity.ingestion.Field;
import io.quotaflow.activity.ingestion.Outcome;
import io.quotaflow.activity.ingestion.RawActivity;
import io.quotaflow.activity.ingestion.web.IngestionResponses;
import io.quotaflow.platform.csv.CsvRow;
import io.quotaflow.platform.csv.CsvTable;
import io.quotaflow.web.FieldProblem;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Imports a CSV file of canonical activities (one column per field, {@code source} optional: {@code csv}) row by row:
 * rows are read as the file is, ingested {@code batchSize} at a time, and forgotten; only the counts and at most
 * {@code maxErrors} row errors are kept. Memory stays flat whatever the file's length.
 */
final class CsvImport {

    /** The columns a file must have; every other field of the canonical API is an optional column. */
    static final List<String> REQUIRED = List.of(Field.EXTERNAL_ID.wireName(), Field.TYPE.wireName(),
            Field.REP_ID.wireName(), Field.OCCURRED_AT.wireName());
    static final List<String> OPTIONAL = Field.wireNames().stream().filter(name -> !REQUIRED.contains(name)).toList();
    static final String DEFAULT_SOURCE = "csv";

    /** Ingests a batch of activities; the outcomes in the same order. */
    @FunctionalInterface
    interface Ingest {
        List<Outcome> ingest(List<RawActivity> activities);
    }

    /** Hears of each batch done: the counts so far and the row errors the batch added (within the cap). */
    @FunctionalInterface
    interface Progress {
        void batchDone(Counts counts, List<RowError> newErrors);
    }

    /** Rows read, accepted, duplicate and rejected so far; whether errors were left out beyond the cap. */
    record Counts(long rowsRead, long accepted, long duplicates, long rejected, boolean errorsTruncated) {
    }

    /** What was wrong with one row ({@code line}: as an editor shows it, the header being line 1). */
    record RowError(int line, int status, List<FieldProblem> errors) {
    }

    private final int batchSize;
    private final int maxErrors;
    private final Ingest ingest;
    private final Progress progress;

    private long rowsRead;
    private long accepted;
    private long duplicates;
    private long rejected;
    private int errorsKept;
    private boolean errorsTruncated;

    CsvImport(int batchSize, int maxErrors, Ingest ingest, Progress progress) {
        this.batchSize = batchSize;
        this.maxErrors = maxErrors;
        this.ingest = ingest;
        this.progress = progress;
    }

    /**
     * Reads every row; the final counts. A file that stops being valid CSV (or UTF-8) fails here, once the rows
     * before the fault are ingested.
     */
    Counts run(CsvTable.Rows rows) {
        List<RawActivity> batch = new ArrayList<>(batchSize);
        List<CsvRow> lines = new ArrayList<>(batchSize);
        List<RowError> errors = new ArrayList<>();
        while (rows.hasNext()) {
            CsvRow row;
            try {
                row = rows.next();
            } catch (RuntimeException unreadable) {
                flush(batch, lines, errors);
                throw unreadable;
            }
            rowsRead++;
            List<FieldProblem> malformed = row.problemsWith(List.of());
            if (!malformed.isEmpty()) {
                reject(row.line(), Outcome.INVALID, malformed, errors);
            } else {
                batch.add(activity(row));
                lines.add(row);
            }
            if (batch.size() == batchSize) {
                flush(batch, lines, errors);
            }
        }
        flush(batch, lines, errors);
        return counts();
    }

    private void flush(List<RawActivity> batch, List<CsvRow> lines, List<RowError> errors) {
        List<Outcome> outcomes = batch.isEmpty() ? List.of() : ingest.ingest(batch);
        for (int i = 0; i < outcomes.size(); i++) {
            Outcome outcome = outcomes.get(i);
            if (!outcome.isAccepted()) {
                int line = lines.get(i).line();
                reject(line, outcome.status(), IngestionResponses.named("rows[" + line + "]", outcome.problems()),
                        errors);
            } else if (outcome.duplicate()) {
                duplicates++;
            } else {
                accepted++;
            }
        }
        progress.batchDone(counts(), List.copyOf(errors));
        batch.clear();
        lines.clear();
        errors.clear();
    }

    private void reject(int line, int status, List<FieldProblem> problems, List<RowError> errors) {
        rejected++;
        if (errorsKept < maxErrors) {
            errors.add(new RowError(line, status, problems));
            errorsKept++;
        } else {
            errorsTruncated = true;
        }
    }

    private Counts counts() {
        return new Counts(rowsRead, accepted, duplicates, rejected, errorsTruncated);
    }

    private static RawActivity activity(CsvRow row) {
        Map<Field, String> values = new EnumMap<>(Field.class);
        for (Field field : Field.values()) {
            values.put(field, row.text(field.wireName()));
        }
        values.putIfAbsent(Field.SOURCE, DEFAULT_SOURCE);
        return RawActivity.of(values);
    }
}
