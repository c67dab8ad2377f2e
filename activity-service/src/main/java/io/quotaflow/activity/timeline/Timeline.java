package io.quotaflow.activity.timeline;

import io.quotaflow.events.activity.ActivityEvent;
import io.quotaflow.platform.config.OrganisationProperties;
import io.quotaflow.platform.consumption.Batch;
import io.quotaflow.platform.consumption.Delivery;
import io.quotaflow.platform.consumption.Doc;
import io.quotaflow.platform.consumption.Prefetch;
import io.quotaflow.platform.consumption.Projection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The activity timeline, a projection of the service's own {@code sales-activities} topic (never written beside the
 * publish): per rep and per customer, an index document ({@code timeline_index}, {@code _id} {@code REP:r-001} or
 * {@code CUSTOMER:c-100}) counting activities per day and type and the day's last bucket, and the activities
 * themselves in day buckets of at most {@value #BUCKET} ({@code timeline_items}, {@code _id}
 * {@code REP:r-001|2027-01-19|0}). A page is read by {@code _id} only: the index, then the buckets of the days the
 * page spans.
 *
 * <p>A bucket maps each activity's event id to the activity as one JSON string ({@code e.<eventId>}): the server
 * never looks inside an activity, and a string is copied whole where a document of a dozen fields is copied field by
 * field — by the driver, by the journal entry that carries the chunk's writes, and by the server each time a chunk
 * rewrites the bucket (the embedded server deep-copies the document it updates: a bucket of fields cost it three to
 * four times a bucket of strings). Buckets written before kept documents; {@link TimelineReader} reads both.
 *
 * <p>A customer's documents are shared by reps, whose events are applied by different partitions' chunks, maybe at
 * once: two chunks may then fill the same bucket beyond its size, which costs nothing but balance; an activity
 * always lands in a bucket the index names, since counts and the last bucket only grow.
 */
@Component
public class Timeline implements Projection<ActivityEvent> {

    public static final String INDEX = "timeline_index";
    public static final String ITEMS = "timeline_items";
    /**
     * Activities per bucket document. A chunk's new activity in a bucket rewrites the whole document (MongoDB stores
     * a document whole, and so does the embedded server), so a bucket is kept to some 10–20 KB: a busy day of one rep
     * spans several documents, read together by {@code _id}. With 500 a rep's day bucket grew to 120–200 KB, and every
     * chunk rewrote one per rep it touched.
     */
    static final int BUCKET = 50;

    private final ZoneId zone;
    private final JsonMapper json;
    private final int bucketSize;

    @Autowired
    Timeline(OrganisationProperties organisation, JsonMapper json) {
        this(organisation.timeZone(), json, BUCKET);
    }

    /** With another bucket size (tests fill buckets with a few activities). */
    public Timeline(ZoneId zone, JsonMapper json, int bucketSize) {
        this.zone = zone;
        this.json = json;
        this.bucketSize = bucketSize;
    }

    /** Whose timeline: a rep's or a customer's. */
    public enum Scope {
        REP, CUSTOMER;

        public String key(String id) {
            return name() + ":" + id;
        }
    }

    @Override
    public Set<String> collections() {
        return Set.of(INDEX, ITEMS);
    }

    @Override
    public void prefetch(List<Delivery<ActivityEvent>> deliveries, Prefetch prefetch) {
        deliveries.forEach(delivery -> scopes(delivery.payload()).forEach(scope -> prefetch.need(INDEX, scope)));
    }

    @Override
    public void apply(Delivery<ActivityEvent> delivery, Batch batch) {
        ActivityEvent event = delivery.payload();
        LocalDate day = event.occurredAt().atZone(zone).toLocalDate();
        String item = item(delivery);
        for (String scope : scopes(event)) {
            Doc index = batch.doc(INDEX, scope);
            long onThatDay = index.count(dayPath(day) + ".n");
            long bucket = onThatDay / bucketSize;
            batch.doc(ITEMS, bucketId(scope, day, bucket)).set("e." + delivery.eventId(), item);
            index.inc(dayPath(day) + ".n", 1).inc(dayPath(day) + ".t." + event.type().name(), 1)
                    .max(dayPath(day) + ".b", bucket);
        }
    }

    static String dayPath(LocalDate day) {
        return "days." + day;
    }

    static String bucketId(String scope, LocalDate day, long bucket) {
        return scope + "|" + day + "|" + bucket;
    }

    private static List<String> scopes(ActivityEvent event) {
        List<String> scopes = new ArrayList<>(2);
        scopes.add(Scope.REP.key(event.repId()));
        if (event.customerId() != null) {
            scopes.add(Scope.CUSTOMER.key(event.customerId()));
        }
        return scopes;
    }

    /**
     * The activity as the timeline shows it, as JSON: id, type, when ({@code at}, the instant it occurred), and the
     * event's fields as published, nulls left out.
     */
    String item(Delivery<ActivityEvent> delivery) {
        ObjectNode item = json.createObjectNode();
        item.put("eventId", delivery.eventId().toString());
        item.put("type", delivery.payload().type().name());
        item.put("at", delivery.payload().occurredAt().toString());
        json.valueToTree(delivery.payload()).properties().forEach(field -> {
            if (!field.getValue().isNull() && !item.has(field.getKey())) {
                item.set(field.getKey(), field.getValue());
            }
        });
        return json.writeValueAsString(item);
    }
}
