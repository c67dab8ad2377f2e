package io.quotaflow.activity.ingestion.web;

import io.quotaflow.activity.ingestion.Outcome;
import io.quotaflow.web.FieldProblem;
import io.quotaflow.platform.web.ProblemResponses;
import io.quotaflow.web.ProblemFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** How ingestion outcomes are answered over HTTP, by the canonical API and the generic signed webhook alike. */
public final class IngestionResponses {

    public static final URI NO_RATE = URI.create("urn:quotaflow:problem:no-currency-rate");

    private IngestionResponses() {
    }

    /** One activity: {@code 202 {"eventId","duplicate"}}, or its problem (400, or 422 when a rate is missing). */
    public static ResponseEntity<?> single(Outcome outcome) {
        if (outcome.isAccepted()) {
            return ResponseEntity.accepted().body(new AcceptedView(outcome.eventId(), outcome.duplicate()));
        }
        ProblemDetail problem = problem(outcome.status(), outcome.problems());
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    /** A batch: {@code 202} with counts, every refusal by index, and every item's result. */
    public static ResponseEntity<BatchView> batch(List<Outcome> outcomes, String itemsField) {
        int accepted = 0;
        int duplicates = 0;
        List<RejectedView> rejected = new ArrayList<>();
        List<ResultView> results = new ArrayList<>(outcomes.size());
        for (int i = 0; i < outcomes.size(); i++) {
            Outcome outcome = outcomes.get(i);
            if (outcome.isAccepted()) {
                if (outcome.duplicate()) {
                    duplicates++;
                } else {
                    accepted++;
                }
                results.add(new ResultView(i, outcome.eventId(), outcome.duplicate(), null));
            } else {
                List<FieldProblem> errors = named(itemsField + "[" + i + "]", outcome.problems());
                rejected.add(new RejectedView(i, outcome.status(), errors));
                results.add(new ResultView(i, null, false, outcome.status()));
            }
        }
        return ResponseEntity.accepted().body(new BatchView(accepted, duplicates, rejected, results));
    }

    /** The problem of a refused activity: 400 invalid input, or 422 when a currency has no rate. */
    public static ProblemDetail problem(int status, List<FieldProblem> problems) {
        List<FieldProblem> named = named("", problems);
        ProblemDetail problem = ProblemResponses.correlated(ProblemFactory.invalid(named));
        if (status == Outcome.NO_RATE) {
            problem.setStatus(HttpStatus.valueOf(Outcome.NO_RATE));
            problem.setType(NO_RATE);
            problem.setTitle("No currency rate");
        }
        return problem;
    }

    /** Problems of an activity at {@code prefix} ({@code activities[3]}), named as the client wrote them. */
    public static List<FieldProblem> named(String prefix, List<FieldProblem> problems) {
        List<FieldProblem> named = new ArrayList<>(problems.size());
        for (FieldProblem problem : problems) {
            String field = problem.field();
            String path = prefix.isEmpty() ? (field.isEmpty() ? "body" : field)
                    : (field.isEmpty() ? prefix : prefix + "." + field);
            named.add(new FieldProblem(path, problem.message()));
        }
        return named;
    }

    /** One activity accepted under {@code eventId}; {@code duplicate} when it had been ingested before. */
    public record AcceptedView(UUID eventId, boolean duplicate) {
    }

    /**
     * A batch's answer: {@code accepted} new activities, {@code duplicates} ingested before, the {@code rejected}
     * ones with their errors, and {@code results} for every item in order.
     */
    public record BatchView(int accepted, int duplicates, List<RejectedView> rejected, List<ResultView> results) {
    }

    public record RejectedView(int index, int status, List<FieldProblem> errors) {
    }

    /** {@code eventId} and {@code duplicate} of an accepted item; {@code status} of a rejected one. */
    public record ResultView(int index, UUID eventId, boolean duplicate, Integer status) {
    }
}
