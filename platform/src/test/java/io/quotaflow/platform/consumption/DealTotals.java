package io.quotaflow.platform.consumption;

import io.quotaflow.events.EntityRef;
import io.quotaflow.events.EventIds;
import io.quotaflow.events.TargetMetric;
import io.quotaflow.events.activity.ActivityEvent;
import io.quotaflow.events.activity.DealClosed;
import io.quotaflow.events.activity.FollowUpLogged;
import io.quotaflow.events.kpi.AttainmentChanged;
import io.quotaflow.events.kpi.AttainmentLevel;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

/**
 * A projection like the services' own: per rep, deals, revenue and calls (a prefetched document, read and
 * written), per rep and day the deals (blind increments), and a derived event each time a rep's deals reach a
 * multiple of five.
 */
public final class DealTotals implements Projection<ActivityEvent> {

    public static final String REPS = "rep_totals";
    public static final String DAYS = "day_totals";
    static final int MILESTONE = 5;

    @Override
    public Set<String> collections() {
        return Set.of(REPS, DAYS);
    }

    @Override
    public void prefetch(List<Delivery<ActivityEvent>> deliveries, Prefetch prefetch) {
        deliveries.forEach(delivery -> prefetch.need(REPS, delivery.payload().repId()));
    }

    @Override
    public void apply(Delivery<ActivityEvent> delivery, Batch batch) {
        ActivityEvent event = delivery.payload();
        Doc rep = batch.doc(REPS, event.repId());
        if (event instanceof DealClosed deal) {
            if (deal.amount().signum() < 0) {
                throw new IllegalArgumentException("a deal of a negative amount cannot be applied");
            }
            rep.inc("deals", 1).inc("revenue", deal.amount()).max("lastDealAt", deal.occurredAt());
            batch.doc(DAYS, event.repId() + "|" + deal.occurredAt().atZone(ZoneOffset.UTC).toLocalDate()).inc("deals", 1);
            long deals = rep.count("deals");
            if (deals % MILESTONE == 0) {
                batch.emit(batch.publisher().envelope(milestoneId(event.repId(), deals), deal.occurredAt(),
                        milestone(event.repId(), deals, delivery.eventId())));
            }
        } else if (event instanceof FollowUpLogged) {
            rep.inc("calls", 1);
        }
    }

    static java.util.UUID milestoneId(String repId, long deals) {
        return EventIds.of("test-milestone", repId, Long.toString(deals));
    }

    private static AttainmentChanged milestone(String repId, long deals, java.util.UUID cause) {
        return new AttainmentChanged(EntityRef.rep(repId), YearMonth.of(2026, 12), TargetMetric.DEALS,
                BigDecimal.valueOf(deals), null, null, null, null, null, null, AttainmentLevel.BELOW_BASE, null,
                Instant.parse("2026-12-31T00:00:00Z"), List.of(cause));
    }
}
