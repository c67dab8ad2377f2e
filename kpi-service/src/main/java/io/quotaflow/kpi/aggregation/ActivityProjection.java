package io.quotaflow.kpi.aggregation;

import io.quotaflow.events.EventIds;
import io.quotaflow.events.activity.ActivityEvent;
import io.quotaflow.events.activity.EngagementSignalled;
import io.quotaflow.events.activity.FollowUpLogged;
import io.quotaflow.events.kpi.CustomerDealChanged;
import io.quotaflow.kpi.aggregation.domain.Attribution;
import io.quotaflow.kpi.aggregation.domain.Contributions;
import io.quotaflow.kpi.aggregation.domain.DealFacts;
import io.quotaflow.kpi.aggregation.domain.Row;
import io.quotaflow.kpi.attainment.AttainmentSignals;
import io.quotaflow.kpi.calendar.BusinessCalendar;
import io.quotaflow.kpi.customers.domain.IntentPolicy;
import io.quotaflow.platform.consumption.Batch;
import io.quotaflow.platform.consumption.Delivery;
import io.quotaflow.platform.consumption.Doc;
import io.quotaflow.platform.consumption.Prefetch;
import io.quotaflow.platform.consumption.Prefetched;
import io.quotaflow.platform.consumption.Projection;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The activity stream ({@code sales-activities}, keyed by rep) into the figures: each event's rows (or its deal's
 * change of rows) summed per chunk into the month and progress documents of every scope they count for, deal facts
 * kept per deal, intent signals per rep, {@code AttainmentChanged} from the progress documents, and
 * {@code CustomerDealChanged} on kpi-service's own topic whenever what a deal means for its customer changes (so that
 * customer-level figures — first deal ever, tiers — are decided by the partition that owns the customer).
 *
 * <p>Reads per chunk: the deals its events are about, then (once the deals tell which months and scopes they touch)
 * the progress documents of every scope and month whose actual may move. Everything else is written blind.
 */
public final class ActivityProjection implements Projection<ActivityEvent> {

    private final Contributions contributions;
    private final AttainmentSignals signals;
    private final IntentPolicy intent;
    private final BusinessCalendar calendar;
    private final ChunkState<Tally> tallies = new ChunkState<>(Tally::new);

    public ActivityProjection(Contributions contributions, AttainmentSignals signals, IntentPolicy intent) {
        this.contributions = contributions;
        this.signals = signals;
        this.intent = intent;
        this.calendar = contributions.calendar();
    }

    @Override
    public Set<String> collections() {
        return Set.of(Layout.MONTHS, Layout.PROGRESS, Layout.DEALS, Layout.INTENT, Layout.SCOPES);
    }

    @Override
    public void prefetch(List<Delivery<ActivityEvent>> deliveries, Prefetch prefetch) {
        for (Delivery<ActivityEvent> delivery : deliveries) {
            ActivityEvent event = delivery.payload();
            Contributions.dealOf(event).ifPresentOrElse(
                    dealId -> prefetch.need(Layout.DEALS, dealId),
                    () -> contributions.direct(event).ifPresent(row -> needProgress(prefetch, List.of(row))));
        }
    }

    /** The progress documents a deal's change may move: those of every row it had or may have. */
    @Override
    public void prefetchMore(List<Delivery<ActivityEvent>> deliveries, Prefetched prefetched, Prefetch more) {
        Map<String, DealFacts> deals = new LinkedHashMap<>();
        List<Row> rows = new ArrayList<>();
        for (Delivery<ActivityEvent> delivery : deliveries) {
            Contributions.dealOf(delivery.payload()).ifPresent(dealId -> {
                DealFacts facts = deals.computeIfAbsent(dealId, id -> {
                    DealFacts stored = DealDocuments.fromStored(prefetched.document(Layout.DEALS, id).orElse(null), id);
                    rows.addAll(stored.potentialRows(calendar));
                    return stored;
                });
                DealFacts next = contributions.fold(facts, delivery.payload(), delivery.eventId());
                rows.addAll(next.potentialRows(calendar));
                deals.put(dealId, next);
            });
        }
        needProgress(more, rows);
    }

    private static void needProgress(Prefetch prefetch, List<Row> rows) {
        Set<String> ids = new HashSet<>();
        rows.forEach(row -> ids.addAll(Tally.progressIds(row)));
        ids.forEach(id -> prefetch.need(Layout.PROGRESS, id));
    }

    @Override
    public void apply(Delivery<ActivityEvent> delivery, Batch batch) {
        ActivityEvent event = delivery.payload();
        Tally tally = tallies.of(batch);
        UUID cause = delivery.eventId();
        Instant at = event.occurredAt();
        recordIntent(event, batch);
        String dealId = Contributions.dealOf(event).orElse(null);
        if (dealId == null) {
            contributions.direct(event).ifPresent(row -> tally.add(row, 1, cause, at));
            return;
        }
        Doc deal = batch.doc(Layout.DEALS, dealId);
        DealFacts before = DealDocuments.read(deal, dealId);
        DealFacts after = contributions.fold(before, event, cause);
        if (after.equals(before)) {
            return;
        }
        tally.addAll(before.rows(calendar), -1, cause, at);
        tally.addAll(after.rows(calendar), 1, cause, at);
        after = tellCustomers(before, after, delivery, batch);
        DealDocuments.write(deal, before, after);
    }

    /** Publishes the deal's meaning to its customer (and to a former customer it no longer counts for). */
    private DealFacts tellCustomers(DealFacts before, DealFacts after, Delivery<ActivityEvent> delivery, Batch batch) {
        DealFacts.CustomerView was = before.customerView();
        DealFacts.CustomerView is = after.customerView();
        long sequence = after.customerSequence();
        if (was != null && was.counted() && (is == null || !is.customer().equals(was.customer()))) {
            sequence++;
            tell(batch, delivery, after.dealId(), sequence, new DealFacts.CustomerView(was.customer(), false, was.at(),
                    was.amount(), was.productLine(), was.channel(), was.promotion(), was.by()));
        }
        if (DealFacts.customerMustHear(was, is) && is != null) {
            sequence++;
            tell(batch, delivery, after.dealId(), sequence, is);
        }
        return after.withCustomerSequence(sequence);
    }

    private static void tell(Batch batch, Delivery<ActivityEvent> delivery, String dealId, long sequence,
                             DealFacts.CustomerView view) {
        Attribution by = view.by();
        CustomerDealChanged change = new CustomerDealChanged(view.customer(), dealId, sequence, view.counted(),
                by.rep(), by.team(), by.region(), view.productLine(), view.channel(), view.promotion(), view.amount(),
                view.at(), delivery.eventId());
        UUID id = EventIds.of("kpi-customer-deal", view.customer(), dealId, Long.toString(sequence));
        batch.emit(batch.publisher().envelope(id, delivery.payload().occurredAt(), change));
    }

    /** Engagement signals and follow-ups add to the customer's intent score with the rep. */
    private void recordIntent(ActivityEvent event, Batch batch) {
        if (event.customerId() == null || event.customerId().isBlank()) {
            return;
        }
        String kind;
        Integer duration;
        if (event instanceof EngagementSignalled signal && signal.signal() != null) {
            kind = IntentPolicy.kindOf(signal.signal());
            duration = signal.durationSeconds();
        } else if (event instanceof FollowUpLogged followUp && followUp.channel() != null) {
            kind = IntentPolicy.kindOf(followUp.channel());
            duration = followUp.durationSeconds();
        } else {
            return;
        }
        BigDecimal weight = intent.weight(kind, duration);
        if (weight.signum() <= 0) {
            return;
        }
        YearMonth period = calendar.period(event.occurredAt());
        BigDecimal stored = intent.atEpoch(weight, event.occurredAt(), calendar.start(period));
        String customer = "c." + Keys.escape(event.customerId()) + ".";
        batch.doc(Layout.INTENT, Layout.intentId(event.repId(), period))
                .inc(customer + "k." + kind, stored)
                .inc(customer + "n." + kind, 1)
                .max(customer + "last", event.occurredAt());
    }

    @Override
    public void complete(Batch batch) {
        tallies.complete(batch).flush(batch, signals);
    }
}
