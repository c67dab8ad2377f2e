package io.quotaflow.platform.consumption;

import io.quotaflow.events.EventCodec;
import io.quotaflow.events.EventEnvelope;
import io.quotaflow.events.EventIds;
import io.quotaflow.events.activity.ActivityEvent;
import io.quotaflow.events.activity.DealClosed;
import io.quotaflow.events.activity.FollowUpChannel;
import io.quotaflow.events.activity.FollowUpLogged;
import io.quotaflow.testsupport.crash.CrashHarness;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * A seeded stream of deals and calls for a few reps, shuffled, with duplicates (the same event again later, on
 * the same partition and on another one), two malformed records and one of an unknown type; and the reference
 * the ledger must end with, computed from the de-duplicated events.
 */
public final class ActivityStream {

    private static final EventCodec CODEC = new EventCodec();

    public final List<CrashHarness.Input> records = new ArrayList<>();
    final List<EventEnvelope<ActivityEvent>> distinct = new ArrayList<>();
    /** Records that cannot be applied: two malformed, one deal of a negative amount. */
    public final int poison = 3;

    /**
     * @param crossPartitionCopies whether some duplicates also arrive under another key (so on another partition);
     *                             left out where two consumers race, as decisions that read state shared across
     *                             keys are outside the ledger's guarantee (see the platform README)
     */
    public ActivityStream(String prefix, long seed, int deals, int calls, boolean crossPartitionCopies) {
        Random random = new Random(seed);
        List<EventEnvelope<ActivityEvent>> events = new ArrayList<>();
        for (int i = 0; i < deals; i++) {
            String rep = prefix + "r-" + random.nextInt(6);
            Instant at = Instant.parse("2026-12-01T01:00:00Z").plusSeconds(random.nextInt(10 * 24 * 3600));
            BigDecimal amount = BigDecimal.valueOf(100 + random.nextInt(900_000), 2);
            DealClosed deal = new DealClosed("api", prefix + "d-" + i, rep, "c-" + random.nextInt(20), "deal-" + i,
                    amount, "CNY", amount, "CNY", null, null, null, null, null, null, null, at);
            events.add(EventEnvelope.of(EventIds.of("api", deal.externalId(), "DEAL_CLOSED"), at, "test", "corr-" + i, deal));
        }
        for (int i = 0; i < calls; i++) {
            String rep = prefix + "r-" + random.nextInt(6);
            Instant at = Instant.parse("2026-12-01T01:00:00Z").plusSeconds(random.nextInt(10 * 24 * 3600));
            FollowUpLogged call = new FollowUpLogged("api", prefix + "f-" + i, rep, "c-1", FollowUpChannel.CALL, 60,
                    null, at);
            events.add(EventEnvelope.of(EventIds.of("api", call.externalId(), "FOLLOW_UP_LOGGED"), at, "test", null, call));
        }
        Collections.shuffle(events, random);
        distinct.addAll(events);
        for (EventEnvelope<ActivityEvent> event : events) {
            records.add(input(event.subject(), event));
        }
        for (int i = 0; i < deals / 8; i++) {
            EventEnvelope<ActivityEvent> again = events.get(random.nextInt(events.size()));
            int at = Math.min(records.size(), events.indexOf(again) + 1 + random.nextInt(40));
            records.add(at, input(again.subject(), again));
        }
        for (int i = 0; i < (crossPartitionCopies ? 3 : 0); i++) {
            EventEnvelope<ActivityEvent> again = events.get(random.nextInt(events.size()));
            records.add(input(again.subject() + "-elsewhere", again));
        }
        records.add(random.nextInt(records.size()), new CrashHarness.Input(prefix + "r-1",
                "{oops".getBytes(StandardCharsets.UTF_8), Map.of()));
        records.add(random.nextInt(records.size()), new CrashHarness.Input(prefix + "r-2",
                "{\"eventId\":\"not-a-uuid\",\"eventType\":\"DealClosed\",\"payload\":{}}".getBytes(StandardCharsets.UTF_8),
                Map.of()));
        DealClosed negative = new DealClosed("api", prefix + "d-negative", prefix + "r-4", "c-1", "deal-neg",
                new BigDecimal("-1.00"), "CNY", null, null, null, null, null, null, null, null, null,
                Instant.parse("2026-12-02T00:00:00Z"));
        records.add(random.nextInt(records.size()), input(negative.repId(),
                EventEnvelope.of(EventIds.of("api", negative.externalId(), "DEAL_CLOSED"), negative.occurredAt(), "test",
                        null, negative)));
        records.add(random.nextInt(records.size()), new CrashHarness.Input(prefix + "r-3", ("{\"eventId\":\""
                + java.util.UUID.randomUUID() + "\",\"eventType\":\"QuotaDoubled\",\"eventVersion\":1,"
                + "\"occurredAt\":\"2026-12-01T00:00:00Z\",\"source\":\"s\",\"subject\":\"x\",\"payload\":{}}")
                .getBytes(StandardCharsets.UTF_8), Map.of()));
    }

    private static CrashHarness.Input input(String key, EventEnvelope<ActivityEvent> event) {
        return new CrashHarness.Input(key, CODEC.encode(event), Map.of("eventId", event.eventId().toString()));
    }

    /** Per rep: deals, revenue, calls. */
    public Map<String, Totals> repTotals() {
        Map<String, Totals> totals = new TreeMap<>();
        for (EventEnvelope<ActivityEvent> event : distinct) {
            Totals current = totals.getOrDefault(event.subject(), Totals.ZERO);
            totals.put(event.subject(), event.payload() instanceof DealClosed deal
                    ? new Totals(current.deals() + 1, current.revenue().add(deal.amount()), current.calls())
                    : new Totals(current.deals(), current.revenue(), current.calls() + 1));
        }
        return totals;
    }

    /** Per rep and day: deals. */
    Map<String, Long> dayDeals() {
        Map<String, Long> days = new HashMap<>();
        for (EventEnvelope<ActivityEvent> event : distinct) {
            if (event.payload() instanceof DealClosed deal) {
                days.merge(deal.repId() + "|" + deal.occurredAt().atZone(ZoneOffset.UTC).toLocalDate(), 1L, Long::sum);
            }
        }
        return days;
    }

    /** The milestone events every rep must have derived, by id. */
    Map<java.util.UUID, String> milestones() {
        Map<java.util.UUID, String> expected = new LinkedHashMap<>();
        repTotals().forEach((rep, totals) -> {
            for (long n = DealTotals.MILESTONE; n <= totals.deals(); n += DealTotals.MILESTONE) {
                expected.put(DealTotals.milestoneId(rep, n), rep);
            }
        });
        return expected;
    }

    public record Totals(long deals, BigDecimal revenue, long calls) {
        static final Totals ZERO = new Totals(0, BigDecimal.ZERO, 0);
    }
}
