package io.quotaflow.activity.crm.hubspot;

import io.quotaflow.activity.crm.CrmProperties;
import io.quotaflow.activity.crm.CrmRejectedException;
import io.quotaflow.activity.ingestion.Ingestion;
import io.quotaflow.activity.ingestion.IngestionProperties;
import io.quotaflow.activity.ingestion.Outcome;
import io.quotaflow.activity.ingestion.RawActivity;
import io.quotaflow.activity.ingestion.Via;
import io.quotaflow.activity.ingestion.web.Bodies;
import io.quotaflow.activity.ingestion.web.IngestionResponses;
import io.quotaflow.activity.rates.RateService;
import io.quotaflow.web.FieldProblem;
import io.quotaflow.web.InvalidInputException;
import io.quotaflow.platform.web.ProblemResponses;
import io.quotaflow.web.ProblemFactory;
import jakarta.annotation.PreDestroy;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * HubSpot webhooks: a JSON array of events, signed with the v3 signature (the credential: no token). Each event that
 * is activity is completed by reading its object from HubSpot's API; the activities are then ingested together.
 * Answers: 200 with counts when every activity was accepted; 400 naming {@code [i].field} of each refused event (the
 * others were published); 401 for a bad signature or a stale timestamp, 403 for another HubSpot account, 503 when
 * HubSpot's API could not be read (nothing published; HubSpot delivers again).
 */
@RestController
class HubSpotWebhookController {

    private final Ingestion ingestion;
    private final HubSpotClient client;
    private final HubSpotEvents events;
    private final CrmProperties crm;
    private final int maxEvents;
    private final ExecutorService fetches;
    private final Clock wallClock = Clock.systemUTC();

    HubSpotWebhookController(Ingestion ingestion, HubSpotClient client, CrmProperties crm, RateService rates,
                             IngestionProperties ingestionProperties) {
        this.ingestion = ingestion;
        this.client = client;
        this.crm = crm;
        this.events = new HubSpotEvents(crm.hubspot(), rates.reportingCurrency());
        this.maxEvents = ingestionProperties.maxBatchSize();
        AtomicInteger threads = new AtomicInteger();
        this.fetches = Executors.newFixedThreadPool(crm.hubspot().maxConcurrentFetches(), runnable -> {
            Thread thread = new Thread(runnable, "hubspot-fetch-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @PostMapping("/api/crm/hubspot")
    ResponseEntity<?> receive(HttpServletRequest request) {
        long received = System.nanoTime();
        byte[] body = Bodies.read(request);
        String uri = request.getRequestURL() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        HubSpotSignature.verify(crm.hubspot().clientSecret(), request.getMethod(), uri, body,
                request.getHeader(HubSpotSignature.TIMESTAMP), request.getHeader(HubSpotSignature.SIGNATURE),
                wallClock.instant(), crm.signatureTolerance());
        JsonNode delivered = Bodies.json(body);
        if (!delivered.isArray()) {
            throw new InvalidInputException("body", "must be a JSON array of HubSpot events");
        }
        if (delivered.size() > maxEvents) {
            throw new InvalidInputException("body", "must hold at most " + maxEvents + " events");
        }
        checkAccount(delivered);

        Map<Integer, CompletableFuture<Optional<JsonNode>>> reads = new LinkedHashMap<>();
        Map<Integer, HubSpotEvents.ObjectToRead> objects = new LinkedHashMap<>();
        for (int i = 0; i < delivered.size(); i++) {
            Optional<HubSpotEvents.ObjectToRead> object = events.objectToRead(delivered.get(i));
            if (object.isPresent()) {
                HubSpotEvents.ObjectToRead read = object.get();
                objects.put(i, read);
                reads.put(i, CompletableFuture.supplyAsync(() -> client.fetch(read.type(), read.id(), read.properties(),
                        read.associations()), fetches));
            }
        }
        List<Integer> indexes = new ArrayList<>();
        List<RawActivity> activities = new ArrayList<>();
        for (Map.Entry<Integer, CompletableFuture<Optional<JsonNode>>> read : reads.entrySet()) {
            Optional<JsonNode> object = join(read.getValue());
            if (object.isPresent()) {
                indexes.add(read.getKey());
                activities.add(events.activity(delivered.get(read.getKey()), objects.get(read.getKey()), object.get()));
            }
        }
        return answer(ingestion.ingest(activities, Via.HUBSPOT, received), indexes, delivered.size());
    }

    /** Every event must come from the configured HubSpot account (portal). */
    private void checkAccount(JsonNode delivered) {
        Long portal = crm.hubspot().portalId();
        if (portal == null) {
            return;
        }
        for (JsonNode event : delivered) {
            if (!event.path("portalId").canConvertToLong() || event.path("portalId").asLong() != portal) {
                throw CrmRejectedException.wrongOrganisation("events of HubSpot account "
                        + event.path("portalId").asString("?") + " are not accepted");
            }
        }
    }

    private ResponseEntity<?> answer(List<Outcome> outcomes, List<Integer> indexes, int delivered) {
        int accepted = 0;
        int duplicates = 0;
        List<FieldProblem> refused = new ArrayList<>();
        for (int k = 0; k < outcomes.size(); k++) {
            Outcome outcome = outcomes.get(k);
            if (!outcome.isAccepted()) {
                refused.addAll(IngestionResponses.named("[" + indexes.get(k) + "]", outcome.problems()));
            } else if (outcome.duplicate()) {
                duplicates++;
            } else {
                accepted++;
            }
        }
        int ignored = delivered - outcomes.size();
        if (refused.isEmpty()) {
            return ResponseEntity.ok(new DeliveryView(accepted, duplicates, ignored));
        }
        ProblemDetail problem = ProblemResponses.correlated(ProblemFactory.invalid(refused));
        problem.setProperty("accepted", accepted);
        problem.setProperty("duplicates", duplicates);
        problem.setProperty("ignored", ignored);
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    private static Optional<JsonNode> join(CompletableFuture<Optional<JsonNode>> read) {
        try {
            return read.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    @PreDestroy
    void stop() {
        fetches.shutdownNow();
    }

    /** A delivery's answer: events accepted, duplicates of earlier ones, and events that are no activity. */
    record DeliveryView(int accepted, int duplicates, int ignored) {
    }
}
