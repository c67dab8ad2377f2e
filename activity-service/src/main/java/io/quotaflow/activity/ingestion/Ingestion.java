package io.quotaflow.activity.ingestion;

import io.quotaflow.activity.rates.Conversion;
import io.quotaflow.activity.rates.RateService;
import io.quotaflow.events.EventEnvelope;
import io.quotaflow.events.activity.ActivityEvent;
import io.quotaflow.events.activity.ActivityType;
import io.quotaflow.events.ingest.ActivityReported;
import io.quotaflow.platform.config.OrganisationProperties;
import io.quotaflow.platform.messaging.EventPublisher;
import io.quotaflow.web.FieldProblem;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The one way in for every activity, whatever brought it (API, batch, CSV, CRM webhooks, the raw topic): validate in
 * memory, find the rep, convert the amount, compute the deterministic event id, then — for the whole request at once —
 * write the receipts, publish ({@code acks=all}) and mark the receipts. Nothing is answered as accepted before Kafka
 * acknowledged it. No database round trip per activity: per request, one read of owner mappings and of rates not
 * cached, one insert of receipts (plus a read when some existed), one update.
 *
 * <p>In two steps, so that a connector that must take a message whole (Salesforce) can refuse it before anything
 * is published: {@link #prepare} judges every activity, {@link #commit} publishes the valid ones.
 */
@Service
public class Ingestion {

    private final ActivityValidator validator;
    private final RepResolver reps;
    private final RateService rates;
    private final Receipts receipts;
    private final EventPublisher publisher;
    private final IngestionMetrics metrics;
    private final Clock clock;
    private final ZoneId zone;

    Ingestion(IngestionProperties properties, RepResolver reps, RateService rates, Receipts receipts,
              EventPublisher publisher, IngestionMetrics metrics, Clock clock, OrganisationProperties organisation) {
        this.validator = new ActivityValidator(properties);
        this.reps = reps;
        this.rates = rates;
        this.receipts = receipts;
        this.publisher = publisher;
        this.metrics = metrics;
        this.clock = clock;
        this.zone = organisation.timeZone();
    }

    /** Judges and ingests the activities; the outcomes are in the same order. */
    public List<Outcome> ingest(List<RawActivity> activities, Via via, long receivedNanos) {
        return commit(prepare(activities, via), receivedNanos);
    }

    /** What each activity would become: its event, or why it is refused. Nothing is written or published. */
    public Prepared prepare(List<RawActivity> activities, Via via) {
        Instant now = clock.instant();
        Item[] items = new Item[activities.size()];
        List<Integer> valid = new ArrayList<>();
        List<ActivityReported> reported = new ArrayList<>();
        for (int i = 0; i < activities.size(); i++) {
            RawActivity raw = activities.get(i);
            ActivityValidator.Validated validated = validator.validate(raw, now);
            if (validated.isValid()) {
                valid.add(i);
                reported.add(validated.activity());
            } else {
                items[i] = Item.rejected(Outcome.INVALID, validated.problems(), raw);
            }
        }
        List<RepResolver.Resolution> resolutions = reps.resolve(reported);
        Map<RateService.Need, Conversion> conversions = rates.conversions(needs(reported));
        for (int k = 0; k < valid.size(); k++) {
            int i = valid.get(k);
            ActivityReported activity = reported.get(k);
            RepResolver.Resolution resolution = resolutions.get(k);
            if (resolution.problem() != null) {
                items[i] = Item.rejected(Outcome.INVALID, List.of(resolution.problem()), activities.get(i));
                continue;
            }
            Conversion conversion = null;
            if (activity.currency() != null) {
                RateService.Need need = need(activity);
                conversion = conversions.get(need);
                if (conversion == null) {
                    items[i] = Item.rejected(Outcome.NO_RATE, List.of(new FieldProblem(Field.CURRENCY.wireName(),
                            "has no rate to " + rates.reportingCurrency() + " effective on " + need.day())),
                            activities.get(i));
                    continue;
                }
            }
            items[i] = Item.candidate(ActivityEvents.idOf(activity),
                    ActivityEvents.toEvent(activity, resolution.repId(), conversion));
        }
        for (Item item : items) {
            if (item.outcome() != null) {
                metrics.count(via, item.raw().get(Field.SOURCE), typeOf(item.raw()), "rejected");
            }
        }
        return new Prepared(List.of(items), via);
    }

    /**
     * Publishes the prepared events that were not ingested before and answers every activity. An activity repeated
     * within the request, or ingested before, is a duplicate of the first.
     *
     * @throws EventPublisher.PublishFailedException when Kafka did not acknowledge: nothing may be answered as accepted,
     *                                               and a retry publishes the events again
     */
    public List<Outcome> commit(Prepared prepared, long receivedNanos) {
        Map<UUID, Item> first = new LinkedHashMap<>();
        for (Item item : prepared.items()) {
            if (item.event() != null) {
                first.putIfAbsent(item.eventId(), item);
            }
        }
        List<String> ids = first.keySet().stream().map(UUID::toString).toList();
        Map<String, Receipts.State> earlier = receipts.claim(ids);
        List<EventEnvelope<?>> envelopes = new ArrayList<>();
        List<String> published = new ArrayList<>();
        first.forEach((id, item) -> {
            if (earlier.get(id.toString()) != Receipts.State.PUBLISHED) {
                envelopes.add(publisher.envelope(id, item.event().occurredAt(), item.event()));
                published.add(id.toString());
            }
        });
        publisher.publish(envelopes);
        receipts.confirm(published);

        Set<UUID> answered = new HashSet<>();
        Set<String> fresh = new HashSet<>(published);
        List<Outcome> outcomes = new ArrayList<>(prepared.items().size());
        for (Item item : prepared.items()) {
            if (item.outcome() != null) {
                outcomes.add(item.outcome());
                continue;
            }
            boolean duplicate = !answered.add(item.eventId()) || !fresh.contains(item.eventId().toString());
            outcomes.add(Outcome.accepted(item.eventId(), duplicate));
            metrics.count(prepared.via(), item.event().source(), item.event().type(),
                    duplicate ? "duplicate" : "accepted");
        }
        if (!first.isEmpty()) {
            metrics.latency(prepared.via(), receivedNanos);
        }
        return Collections.unmodifiableList(outcomes);
    }

    private List<RateService.Need> needs(List<ActivityReported> activities) {
        List<RateService.Need> needs = new ArrayList<>();
        for (ActivityReported activity : activities) {
            if (activity.currency() != null) {
                needs.add(need(activity));
            }
        }
        return needs;
    }

    private RateService.Need need(ActivityReported activity) {
        return new RateService.Need(activity.currency(), activity.occurredAt().atZone(zone).toLocalDate());
    }

    private static ActivityType typeOf(RawActivity raw) {
        String type = raw.get(Field.TYPE);
        try {
            return type == null ? null : ActivityType.valueOf(type);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    /** The judged activities of one request, in order. */
    public record Prepared(List<Item> items, Via via) {

        /** Whether any activity was refused. */
        public boolean hasRejections() {
            return items.stream().anyMatch(item -> item.outcome() != null);
        }

        /** The refusals by position. */
        public Map<Integer, Outcome> rejections() {
            Map<Integer, Outcome> rejections = new HashMap<>();
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i).outcome() != null) {
                    rejections.put(i, items.get(i).outcome());
                }
            }
            return rejections;
        }
    }

    /** One judged activity: an event to publish under its id, or a refusal. */
    public record Item(UUID eventId, ActivityEvent event, Outcome outcome, RawActivity raw) {

        static Item candidate(UUID eventId, ActivityEvent event) {
            return new Item(eventId, event, null, null);
        }

        static Item rejected(int status, List<FieldProblem> problems, RawActivity raw) {
            return new Item(null, null, Outcome.rejected(status, problems), raw);
        }
    }
}
