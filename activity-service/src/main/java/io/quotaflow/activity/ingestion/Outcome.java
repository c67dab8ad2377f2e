package io.quotaflow.activity.ingestion;

import io.quotaflow.web.FieldProblem;

import java.util.List;
import java.util.UUID;

/**
 * What became of one received activity: accepted under its event id (a {@code duplicate} when that id had been
 * ingested before), or rejected with the HTTP status that says why (400 invalid, 422 no currency rate) and every
 * problem, named by bare field.
 */
public record Outcome(UUID eventId, boolean duplicate, int status, List<FieldProblem> problems) {

    public static final int INVALID = 400;
    public static final int NO_RATE = 422;

    public Outcome {
        problems = problems == null ? List.of() : List.copyOf(problems);
    }

    static Outcome accepted(UUID eventId, boolean duplicate) {
        return new Outcome(eventId, duplicate, 202, List.of());
    }

    static Outcome rejected(int status, List<FieldProblem> problems) {
        return new Outcome(null, false, status, problems);
    }

    public boolean isAccepted() {
        return eventId != null;
    }
}
