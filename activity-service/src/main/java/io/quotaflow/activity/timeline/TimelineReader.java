package io.quotaflow.activity.timeline;

import io.quotaflow.activity.timeline.Timeline.Scope;
import io.quotaflow.platform.config.OrganisationProperties;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

/**
 * Pages of a timeline, newest first, read by {@code _id} only: the scope's index (counts per day and type), then the
 * buckets of as many days as the page needs, most recent day first.
 */
@Component
class TimelineReader {

    private static final Comparator<Map<String, Object>> NEWEST_FIRST = Comparator
            .comparing((Map<String, Object> item) -> (Date) item.get("at")).reversed()
            .thenComparing(item -> (String) item.get("eventId"), Comparator.reverseOrder());

    private final MongoTemplate mongo;
    private final ZoneId zone;
    private final JsonMapper json;

    TimelineReader(MongoTemplate mongo, OrganisationProperties organisation, JsonMapper json) {
        this.mongo = mongo;
        this.zone = organisation.timeZone();
        this.json = json;
    }

    /** What to read: whose timeline, between which instants ({@code null}: unbounded), which type, which page. */
    record Query(Scope scope, String id, Instant from, Instant to, String type, int page, int size) {
    }

    /** A page of items; {@code total} only when it is known without reading every item (no visibility filter). */
    record Page(List<Map<String, Object>> items, boolean hasMore, Long total) {
    }

    /**
     * @param visible which items the caller may see ({@code item -> true} for all); items they may not see are left
     *                out of the page, which is then filled from older days
     */
    Page read(Query query, Predicate<Map<String, Object>> visible, boolean everythingVisible) {
        String scope = query.scope().key(query.id());
        Document index = mongo.getCollection(Timeline.INDEX).find(eq("_id", scope)).first();
        TreeMap<LocalDate, Long> counts = counts(index, query);
        int skip = query.page() * query.size();
        int wanted = skip + query.size() + 1;
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        List<Map<String, Object>> items = new ArrayList<>();
        List<LocalDate> days = new ArrayList<>(counts.descendingMap().keySet());
        int next = 0;
        while (next < days.size() && items.size() < wanted) {
            List<LocalDate> group = new ArrayList<>();
            long expected = items.size();
            while (next < days.size() && expected < wanted) {
                LocalDate day = days.get(next++);
                group.add(day);
                expected += counts.get(day);
            }
            items.addAll(itemsOf(scope, group, index, query, visible));
        }
        boolean hasMore = items.size() > skip + query.size();
        List<Map<String, Object>> page = items.subList(Math.min(skip, items.size()),
                Math.min(skip + query.size(), items.size()));
        boolean exact = everythingVisible && query.from() == null && query.to() == null;
        return new Page(List.copyOf(page), hasMore, exact ? total : null);
    }

    /** Per day in range (by the organisation's calendar), how many items of the type the index counts. */
    private TreeMap<LocalDate, Long> counts(Document index, Query query) {
        TreeMap<LocalDate, Long> counts = new TreeMap<>();
        if (index == null || !(index.get("days") instanceof Document days)) {
            return counts;
        }
        LocalDate firstDay = query.from() == null ? null : query.from().atZone(zone).toLocalDate();
        LocalDate lastDay = query.to() == null ? null : query.to().atZone(zone).toLocalDate();
        days.forEach((key, value) -> {
            LocalDate day = LocalDate.parse(key);
            if ((firstDay != null && day.isBefore(firstDay)) || (lastDay != null && day.isAfter(lastDay))
                    || !(value instanceof Document counters)) {
                return;
            }
            Object n = query.type() == null ? counters.get("n")
                    : counters.get("t") instanceof Document types ? types.get(query.type()) : null;
            if (n instanceof Number number && number.longValue() > 0) {
                counts.put(day, number.longValue());
            }
        });
        return counts;
    }

    /** The items of some days (one read of their buckets), filtered and newest first. */
    private List<Map<String, Object>> itemsOf(String scope, List<LocalDate> days, Document index, Query query,
                                              Predicate<Map<String, Object>> visible) {
        Document counters = index.get("days", Document.class);
        List<String> ids = new ArrayList<>();
        for (LocalDate day : days) {
            Object last = counters.get(day.toString(), Document.class).get("b");
            long lastBucket = last instanceof Number number ? number.longValue() : 0;
            for (long bucket = 0; bucket <= lastBucket; bucket++) {
                ids.add(Timeline.bucketId(scope, day, bucket));
            }
        }
        List<Map<String, Object>> items = new ArrayList<>();
        for (Document bucket : mongo.getCollection(Timeline.ITEMS).find(in("_id", ids)).batchSize(ids.size() + 1)) {
            if (bucket.get("e") instanceof Document entries) {
                entries.values().forEach(entry -> {
                    Map<String, Object> item = item(entry);
                    if (matches(item, query) && visible.test(item)) {
                        items.add(item);
                    }
                });
            }
        }
        items.sort(NEWEST_FIRST);
        return items;
    }

    /**
     * A stored activity with {@code at} as a {@link Date}: a JSON string (see {@link Timeline}), or a document as
     * buckets written before held them.
     */
    @SuppressWarnings("unchecked")
    private Map<String, Object> item(Object stored) {
        if (stored instanceof String text) {
            Map<String, Object> item = json.readValue(text, LinkedHashMap.class);
            item.put("at", Date.from(Instant.parse((String) item.get("at"))));
            return item;
        }
        return new LinkedHashMap<>((Document) stored);
    }

    private static boolean matches(Map<String, Object> item, Query query) {
        Instant at = ((Date) item.get("at")).toInstant();
        return (query.type() == null || query.type().equals(item.get("type")))
                && (query.from() == null || !at.isBefore(query.from()))
                && (query.to() == null || at.isBefore(query.to()));
    }
}
