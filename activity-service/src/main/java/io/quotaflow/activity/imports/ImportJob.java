package io.quotaflow.activity.imports;

import io.quotaflow.web.FieldProblem;

import java.time.Instant;
import java.util.List;

/**
 * A CSV import as a client polls it.
 *
 * @param status          {@code RUNNING}, {@code COMPLETED}, {@code FAILED}, or {@code STALLED} (running, but its
 *                        progress stopped moving: the instance running it went away; import the file again)
 * @param rowsRead        data rows read so far
 * @param errors          the rejected rows (at most {@code quotaflow.activity.imports.max-errors} of them)
 * @param errorsTruncated whether more rows were rejected than {@code errors} holds
 * @param failure         why a {@code FAILED} job stopped
 */
public record ImportJob(String jobId, String status, String fileName, long rowsRead, long accepted, long duplicates,
                        long rejected, List<RowErrorView> errors, boolean errorsTruncated, String failure,
                        String requestedBy, Instant startedAt, Instant updatedAt, Instant finishedAt) {

    public static final String RUNNING = "RUNNING";
    public static final String COMPLETED = "COMPLETED";
    public static final String FAILED = "FAILED";
    public static final String STALLED = "STALLED";

    /** One rejected row: its line in the file, the status an API call would have got (400, 422), and why. */
    public record RowErrorView(int line, int status, List<FieldProblem> errors) {
    }
}
