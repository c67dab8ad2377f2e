package io.quotaflow.activity.ingestion.web;

import io.quotaflow.activity.ingestion.Field;
import io.quotaflow.activity.ingestion.Ingestion;
import io.quotaflow.activity.ingestion.IngestionProperties;
import io.quotaflow.activity.ingestion.Outcome;
import io.quotaflow.activity.ingestion.RawActivity;
import io.quotaflow.activity.ingestion.Via;
import io.quotaflow.platform.security.Caller;
import io.quotaflow.platform.security.Role;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * The canonical ingestion API: one activity, or a batch of up to {@code quotaflow.activity.ingestion.max-batch-size}
 * with a result per item. {@code 202} only once Kafka has acknowledged. Integrations and admins ingest for any rep; a
 * rep may log one activity of their own.
 */
@RestController
@RequestMapping("/api/activities")
class ActivityController {

    private final Ingestion ingestion;
    private final int maxBatchSize;

    ActivityController(Ingestion ingestion, IngestionProperties properties) {
        this.ingestion = ingestion;
        this.maxBatchSize = properties.maxBatchSize();
    }

    @PostMapping
    ResponseEntity<?> ingestOne(Caller caller, HttpServletRequest request) {
        long received = System.nanoTime();
        caller.requireAnyRole(Role.ADMIN, Role.INTEGRATION, Role.REP);
        RawActivity activity = RawActivity.fromJson(Bodies.json(Bodies.read(request)));
        if (!caller.isAdmin() && !caller.has(Role.INTEGRATION)) {
            String repId = activity.get(Field.REP_ID);
            if (repId != null && !repId.equals(caller.repId())) {
                throw new AccessDeniedException("a rep may only log their own activity");
            }
        }
        Outcome outcome = ingestion.ingest(List.of(activity), Via.API, received).get(0);
        return IngestionResponses.single(outcome);
    }

    @PostMapping("/batch")
    ResponseEntity<IngestionResponses.BatchView> ingestBatch(Caller caller, HttpServletRequest request) {
        long received = System.nanoTime();
        caller.requireAnyRole(Role.ADMIN, Role.INTEGRATION);
        List<RawActivity> activities = Bodies.batch(Bodies.json(Bodies.read(request)), maxBatchSize);
        return IngestionResponses.batch(ingestion.ingest(activities, Via.BATCH, received), Bodies.ACTIVITIES);
    }
}
