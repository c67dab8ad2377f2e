package io.quotaflow.benchmarks;

import io.quotaflow.events.EntityRef;
import io.quotaflow.events.EventCodec;
import io.quotaflow.events.EventEnvelope;
import io.quotaflow.events.EventHeaders;
import io.quotaflow.events.EventIds;
import io.quotaflow.events.TargetMetric;
import io.quotaflow.events.Topics;
import io.quotaflow.events.activity.ActivityEvent;
import io.quotaflow.events.activity.DealClosed;
import io.quotaflow.events.activity.FollowUpChannel;
import io.quotaflow.events.activity.FollowUpLogged;
import io.quotaflow.events.activity.LeadChannel;
import io.quotaflow.events.org.OrgEvent;
import io.quotaflow.events.org.RepChanged;
import io.quotaflow.events.org.TeamChanged;
import io.quotaflow.events.org.TeamMembership;
import io.quotaflow.events.target.DailyTarget;
import io.quotaflow.events.target.TargetAssigned;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The synthetic sales organisation and its activity, deterministic from an event's index: reps {@code r-0001…} in
 * teams of 20; events go to the reps in turn, and each rep's every fifth event is a won deal, the rest follow-ups
 * (calls and visits), spread over the last 20 days; each rep's deals and follow-ups each go round its 60 customers.
 * Probe reps {@code p-001…} get no generated activity: only the latency probes touch them, so their figures are
 * known exactly.
 */
final class Workload {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final String SOURCE = "bench";
    static final BigDecimal PROBE_TARGET = new BigDecimal("1000000.00");
    /** Each probe deal adds 5 % of the probe reps' target: one threshold tier per probe. */
    static final BigDecimal PROBE_AMOUNT = new BigDecimal("50000.00");

    private static final EventCodec CODEC = new EventCodec();

    private final int reps;
    private final int probeReps;
    private final Instant anchor;
    private final YearMonth period;

    Workload(int reps, int probeReps, Instant anchor) {
        this.reps = reps;
        this.probeReps = probeReps;
        this.anchor = anchor;
        this.period = YearMonth.from(anchor.atZone(ZONE));
    }

    YearMonth period() {
        return period;
    }

    int reps() {
        return reps;
    }

    String rep(long index) {
        return String.format("r-%04d", index % reps);
    }

    /** Whether the event with this index is a won deal: its rep's every fifth. */
    boolean isDeal(long index) {
        return (index / reps) % 5 == 0;
    }

    /** The customer of the event with this index: its rep's deals go round the rep's 60 customers, as its calls do. */
    String customer(long index) {
        long turn = index / reps;
        return rep(index) + "-c" + (isDeal(index) ? turn / 5 : turn) % 60;
    }

    List<String> probeReps() {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= probeReps; i++) {
            ids.add(String.format("p-%03d", i));
        }
        return ids;
    }

    /** Teams, reps and probe reps, hired long before any event. */
    List<OrgEvent> org() {
        List<OrgEvent> events = new ArrayList<>();
        int teams = Math.max(1, (reps + 19) / 20);
        for (int t = 0; t < teams; t++) {
            events.add(new TeamChanged(team(t), "Team " + t, "reg-" + (t % 4), "m-" + t, 1));
        }
        events.add(new TeamChanged("t-probe", "Probes", "reg-0", "m-probe", 1));
        LocalDate hired = LocalDate.of(2020, 1, 1);
        for (int r = 0; r < reps; r++) {
            events.add(rep(rep(r), team(r / 20), hired));
        }
        for (String probe : probeReps()) {
            events.add(rep(probe, "t-probe", hired));
        }
        return events;
    }

    /** A REVENUE target of {@link #PROBE_TARGET} this month for every probe rep, spread over the month's days. */
    List<ProducerRecord<String, byte[]>> probeTargets() {
        List<DailyTarget> daily = new ArrayList<>();
        BigDecimal perDay = PROBE_TARGET.divide(BigDecimal.valueOf(period.lengthOfMonth()), 2, java.math.RoundingMode.DOWN);
        BigDecimal rest = PROBE_TARGET;
        for (int day = 1; day <= period.lengthOfMonth(); day++) {
            BigDecimal amount = day == period.lengthOfMonth() ? rest : perDay;
            daily.add(new DailyTarget(period.atDay(day), amount));
            rest = rest.subtract(amount);
        }
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        for (String probe : probeReps()) {
            EntityRef entity = EntityRef.rep(probe);
            TargetAssigned target = new TargetAssigned("bench-plan", 1, period, TargetMetric.REVENUE, entity,
                    EntityRef.team("t-probe"), "t-probe", "reg-0", PROBE_TARGET,
                    PROBE_TARGET.multiply(new BigDecimal("0.8")), PROBE_TARGET.multiply(new BigDecimal("1.2")), "CNY",
                    List.of(), daily);
            EventEnvelope<TargetAssigned> envelope = EventEnvelope.of(EventIds.of("bench-plan", entity.key()),
                    anchor, "quotaflow/target-service", null, target);
            records.add(record(Topics.TARGETS.name(), entity.key(), envelope));
        }
        return records;
    }

    /** The activity event with this index, as activity-service would publish it. */
    EventEnvelope<ActivityEvent> event(long index) {
        ActivityEvent event;
        String rep = rep(index);
        String customer = customer(index);
        Instant at = occurredAt(index);
        if (isDeal(index)) {
            event = new DealClosed(SOURCE, "e" + index, rep, customer, "d" + index, amount(index), "CNY", null, null,
                    null, "pl-" + index % 3, null, LeadChannel.REFERRAL, null, at.minus(Duration.ofDays(9)), null, at);
        } else {
            event = new FollowUpLogged(SOURCE, "e" + index, rep, customer,
                    index % 2 == 0 ? FollowUpChannel.CALL : FollowUpChannel.VISIT, 300, null, at);
        }
        return EventEnvelope.of(EventIds.of(event.source(), event.externalId(), event.type().name()), at,
                "quotaflow/activity-service", null, event);
    }

    ProducerRecord<String, byte[]> eventRecord(long index) {
        EventEnvelope<ActivityEvent> envelope = event(index);
        return record(Topics.SALES_ACTIVITIES.name(), envelope.subject(), envelope);
    }

    /** The revenue the events {@code [0, count)} add to this month (their deals that fall in it). */
    BigDecimal revenueThisMonth(long count) {
        BigDecimal total = BigDecimal.ZERO;
        for (long i = 0; i < count; i++) {
            if (isDeal(i) && YearMonth.from(occurredAt(i).atZone(ZONE)).equals(period)) {
                total = total.add(amount(i));
            }
        }
        return total;
    }

    /** One canonical activity for {@code POST /api/activities/batch} (its rep's every fifth a deal, else a call). */
    Map<String, Object> apiActivity(String externalId, long index, Instant at) {
        String rep = rep(index);
        if (isDeal(index)) {
            return Map.of("source", SOURCE, "externalId", externalId, "type", "DEAL_CLOSED", "repId", rep,
                    "occurredAt", at.toString(), "customerId", customer(index), "dealId", externalId,
                    "amount", amount(index).toPlainString(), "currency", "CNY");
        }
        return Map.of("source", SOURCE, "externalId", externalId, "type", "FOLLOW_UP_LOGGED", "repId", rep,
                "occurredAt", at.toString(), "customerId", customer(index), "channel", "CALL",
                "durationSeconds", 300);
    }

    /** A probe: a deal of {@link #PROBE_AMOUNT} for a probe rep. */
    static Map<String, Object> probeDeal(String probeRep, String externalId, Instant at) {
        return Map.of("source", SOURCE, "externalId", externalId, "type", "DEAL_CLOSED", "repId", probeRep,
                "occurredAt", at.toString(), "customerId", probeRep + "-c", "dealId", externalId,
                "amount", PROBE_AMOUNT.toPlainString(), "currency", "CNY");
    }

    static byte[] encode(EventEnvelope<?> envelope) {
        return CODEC.encode(envelope);
    }

    static EventCodec codec() {
        return CODEC;
    }

    private static ProducerRecord<String, byte[]> record(String topic, String key, EventEnvelope<?> envelope) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, CODEC.encode(envelope));
        record.headers().add(EventHeaders.EVENT_ID, envelope.eventId().toString().getBytes(StandardCharsets.UTF_8))
                .add(EventHeaders.EVENT_TYPE, envelope.eventType().getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private Instant occurredAt(long index) {
        // Spread over the 20 days before the anchor, in whole seconds.
        long seconds = (index * 7919L) % (20L * 24 * 3600);
        return anchor.minusSeconds(60 + seconds);
    }

    private static BigDecimal amount(long index) {
        return BigDecimal.valueOf(1000 + (index * 37) % 49000).setScale(2);
    }

    private static String team(int t) {
        return String.format("t-%02d", t);
    }

    private static RepChanged rep(String id, String team, LocalDate hired) {
        return new RepChanged(id, "Rep " + id, team, hired, null, BigDecimal.ONE,
                List.of(new TeamMembership(team, hired, null)), 1);
    }
}
