package io.quotaflow.kpi.support;

import io.quotaflow.events.EventEnvelope;
import io.quotaflow.events.EventIds;
import io.quotaflow.events.activity.ActivityEvent;
import io.quotaflow.events.activity.DealCancelled;
import io.quotaflow.events.activity.DealClosed;
import io.quotaflow.events.activity.EngagementSignal;
import io.quotaflow.events.activity.EngagementSignalled;
import io.quotaflow.events.activity.FollowUpChannel;
import io.quotaflow.events.activity.FollowUpLogged;
import io.quotaflow.events.activity.LeadChannel;
import io.quotaflow.events.activity.LeadCreated;
import io.quotaflow.events.activity.LeadQualified;
import io.quotaflow.events.activity.OpportunityStageChanged;
import io.quotaflow.events.activity.PaymentCollected;
import io.quotaflow.testsupport.property.Draw;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A random month of activity for a small org ({@link #org()}): leads, qualified leads, follow-ups, engagement, and
 * deals with stage changes, wins (sometimes corrected by a second win), cancellations and payments, some of them
 * back-dated into the month before, some around midnight in Shanghai. Every event is distinct (its own id); customer
 * ids start with the prefix, so that one draw's customers are its own.
 */
public final class RandomActivity {

    public static final List<String> REPS = List.of("r-1", "r-2", "r-3", "r-4");
    public static final List<String> CUSTOMERS = List.of("c-1", "c-2", "c-3", "c.4", "c-5", "c-6");
    public static final List<String> PRODUCT_LINES = List.of("pl-x", "pl.y");
    /** r-3 moves from t-a to t-b on this day. */
    public static final LocalDate MOVE = LocalDate.of(2027, 1, 15);
    private static final Instant FROM = Instant.parse("2026-12-24T00:00:00Z");
    private static final long SPAN_SECONDS = Duration.ofDays(38).toSeconds();

    private final RandomGenerator random;
    private final String prefix;
    private final List<EventEnvelope<ActivityEvent>> events = new ArrayList<>();
    private int serial;

    private RandomActivity(RandomGenerator random, String prefix) {
        this.random = random;
        this.prefix = prefix;
    }

    /** The org the reps belong to: two teams in two regions, r-3 changing team mid-month, r-4 in no team. */
    public static FixedOrg org() {
        LocalDate hired = LocalDate.of(2025, 1, 1);
        return new FixedOrg(
                List.of(FixedOrg.rep("r-1", "t-a", hired), FixedOrg.rep("r-2", "t-b", hired),
                        FixedOrg.mover("r-3", "t-a", "t-b", hired, MOVE)),
                List.of(FixedOrg.team("t-a", "east"), FixedOrg.team("t-b", "west")),
                List.of(FixedOrg.productLine("pl-x", "0.40")));
    }

    public static List<EventEnvelope<ActivityEvent>> draw(RandomGenerator random, String prefix, int loose, int deals) {
        RandomActivity activity = new RandomActivity(random, prefix);
        for (int i = 0; i < loose; i++) {
            activity.loose();
        }
        for (int i = 0; i < deals; i++) {
            activity.deal("d-" + prefix + "-" + i);
        }
        return List.copyOf(activity.events);
    }

    private void loose() {
        String rep = Draw.oneOf(random, REPS);
        String customer = Draw.orNull(random, 0.1, r -> prefix + "-" + Draw.oneOf(r, CUSTOMERS));
        Instant at = instant();
        switch (random.nextInt(5)) {
            case 0 -> add(new LeadCreated("test", id(), rep, customer, channel(), productLine(),
                    Draw.orNull(random, 0.5, r -> "east"), Draw.orNull(random, 0.6, r -> Draw.oneOf(r, "P1", "P.2")), at));
            case 1 -> add(new LeadQualified("test", id(), rep, customer, channel(), productLine(), at));
            case 2 -> add(new FollowUpLogged("test", id(), rep, customer, Draw.oneOf(random, FollowUpChannel.class),
                    Draw.orNull(random, 0.5, r -> r.nextInt(3600)), null, at));
            case 3 -> add(new EngagementSignalled("test", id(), rep, customer, Draw.oneOf(random, EngagementSignal.class),
                    Draw.orNull(random, 0.5, r -> r.nextInt(900)), at));
            default -> add(new PaymentCollected("test", id(), rep, customer, null, amount(), "CNY", null, null, null, at));
        }
    }

    private void deal(String dealId) {
        String rep = Draw.oneOf(random, REPS);
        String customer = Draw.orNull(random, 0.1, r -> prefix + "-" + Draw.oneOf(r, CUSTOMERS));
        Instant created = instant().minus(Duration.ofDays(random.nextInt(40)));
        for (int stage = random.nextInt(3); stage > 0; stage--) {
            add(new OpportunityStageChanged("test", id(), rep, customer, dealId, Draw.oneOf(random, "QUALIFY", "PROPOSAL"),
                    amount(), "CNY", Draw.orNull(random, 0.4, r -> created.minus(Duration.ofDays(r.nextInt(5)))),
                    instant()));
        }
        int wins = Draw.oneOf(random, 0, 1, 1, 1, 2);
        String productLine = Draw.orNull(random, 0.3, r -> Draw.oneOf(r, PRODUCT_LINES));
        for (int win = 0; win < wins; win++) {
            add(new DealClosed("test", id(), rep, customer, dealId, amount(), "CNY", null, null,
                    Draw.orNull(random, 0.5, r -> new BigDecimal(r.nextInt(10_000) + ".25")), productLine,
                    Draw.orNull(random, 0.5, r -> "west"), channel(), Draw.orNull(random, 0.6, r -> "P1"),
                    Draw.orNull(random, 0.4, r -> created), Draw.orNull(random, 0.5, r -> LocalDate.of(2027, 2, 1 + r.nextInt(20))),
                    instant()));
        }
        if (Draw.chance(random, 0.25)) {
            add(new DealCancelled("test", id(), rep, customer, dealId, "withdrawn", instant()));
        }
        for (int payment = random.nextInt(3); payment > 0; payment--) {
            add(new PaymentCollected("test", id(), rep, customer, dealId, amount(), "CNY", null, null, null, instant()));
        }
    }

    private void add(ActivityEvent event) {
        events.add(EventEnvelope.of(EventIds.of(prefix, event.externalId()), event.occurredAt(), "test", null, event));
    }

    private String id() {
        return prefix + "-" + serial++;
    }

    private Instant instant() {
        if (Draw.chance(random, 0.15)) {
            // around midnight in Shanghai (16:00 UTC): the day depends on the zone
            return FROM.plus(Duration.ofDays(random.nextInt(38))).plusSeconds(16 * 3600 - 30 + random.nextInt(60));
        }
        return FROM.plusSeconds(Draw.between(random, 0L, SPAN_SECONDS));
    }

    private BigDecimal amount() {
        return Draw.between(random, new BigDecimal("0.01"), new BigDecimal("90000.00"), 2);
    }

    private LeadChannel channel() {
        return Draw.orNull(random, 0.3, r -> Draw.oneOf(r, LeadChannel.class));
    }

    private String productLine() {
        return Draw.orNull(random, 0.4, r -> Draw.oneOf(r, PRODUCT_LINES));
    }
}
