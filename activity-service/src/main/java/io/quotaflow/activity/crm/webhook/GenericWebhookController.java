package io.quotaflow.activity.crm.webhook;

import io.quotaflow.activity.crm.CrmProperties;
import io.quotaflow.activity.ingestion.Ingestion;
import io.quotaflow.activity.ingestion.IngestionProperties;
import io.quotaflow.activity.ingestion.RawActivity;
import io.quotaflow.activity.ingestion.Via;
import io.quotaflow.activity.ingestion.web.Bodies;
import io.quotaflow.activity.ingestion.web.IngestionResponses;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.util.List;

/**
 * The generic signed webhook, for CRMs without a connector of their own (DingTalk or WeCom CRM through a relay): the
 * body is a canonical activity, or {@code {"activities":[…]}}, answered as {@code POST /api/activities} and
 * {@code /batch} answer. No token: the signature is the credential.
 */
@RestController
class GenericWebhookController {

    private final Ingestion ingestion;
    private final CrmProperties crm;
    private final int maxBatchSize;
    private final Clock wallClock = Clock.systemUTC();

    GenericWebhookController(Ingestion ingestion, CrmProperties crm, IngestionProperties ingestionProperties) {
        this.ingestion = ingestion;
        this.crm = crm;
        this.maxBatchSize = ingestionProperties.maxBatchSize();
    }

    @PostMapping("/api/crm/webhook")
    ResponseEntity<?> receive(HttpServletRequest request) {
        long received = System.nanoTime();
        byte[] body = Bodies.read(request);
        WebhookSignature.verify(request.getHeader(WebhookSignature.HEADER), body, crm.webhook().secrets(),
                wallClock.instant(), crm.signatureTolerance());
        JsonNode json = Bodies.json(body);
        if (json.isObject() && json.has("activities")) {
            List<RawActivity> activities = Bodies.batch(json, maxBatchSize);
            return IngestionResponses.batch(ingestion.ingest(activities, Via.WEBHOOK, received), Bodies.ACTIVITIES);
        }
        return IngestionResponses.single(ingestion.ingest(List.of(RawActivity.fromJson(json)), Via.WEBHOOK, received)
                .get(0));
    }
}
