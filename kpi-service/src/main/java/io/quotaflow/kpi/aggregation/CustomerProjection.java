package io.quotaflow.kpi.aggregation;

import io.quotaflow.events.EventIds;
import io.quotaflow.events.kpi.CustomerDealChanged;
import io.quotaflow.events.kpi.CustomerDealEvent;
import io.quotaflow.events.kpi.CustomerTier;
import io.quotaflow.events.kpi.CustomerTierChanged;
import io.quotaflow.kpi.aggregation.domain.Row;
import io.quotaflow.kpi.attainment.AttainmentSignals;
import io.quotaflow.kpi.calendar.BusinessCalendar;
import io.quotaflow.kpi.customers.domain.CustomerBook;
import io.quotaflow.kpi.customers.domain.TierPolicy;
import io.quotaflow.platform.consumption.Batch;
import io.quotaflow.platform.consumption.Delivery;
import io.quotaflow.platform.consumption.Doc;
import io.quotaflow.platform.consumption.Prefetch;
import io.quotaflow.platform.consumption.Prefetched;
import io.quotaflow.platform.consumption.Projection;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Customer-level figures from kpi-service's own customer-keyed topic: one partition owns each customer, so "the
 * customer's first deal ever" is decided without racing another rep's partition. Keeps each customer's won deals
 * ({@link CustomerBook}), moves the new-customer credit to the first counting deal (changing the figures by the
 * difference), keeps the customer's tier ({@code CustomerTierChanged} when it changes) and the team tier lists.
 */
public final class CustomerProjection implements Projection<CustomerDealEvent> {

    private final BusinessCalendar calendar;
    private final TierPolicy tiers;
    private final AttainmentSignals signals;
    private final ChunkState<Chunk> chunks = new ChunkState<>(Chunk::new);

    /** A chunk's changes: figures, and per customer the team list it leaves and the one it is on at the end. */
    private static final class Chunk {
        final Tally tally = new Tally();
        final Map<String, Listing> listings = new LinkedHashMap<>();
    }

    /** Where a customer was listed before the chunk, and where (with what) after it. */
    private record Listing(String before, String after, Map<String, Object> entry) {
    }

    public CustomerProjection(BusinessCalendar calendar, TierPolicy tiers, AttainmentSignals signals) {
        this.calendar = calendar;
        this.tiers = tiers;
        this.signals = signals;
    }

    @Override
    public Set<String> collections() {
        return Set.of(Layout.MONTHS, Layout.PROGRESS, Layout.CUSTOMERS, Layout.TIERS, Layout.SCOPES);
    }

    @Override
    public void prefetch(List<Delivery<CustomerDealEvent>> deliveries, Prefetch prefetch) {
        deliveries.forEach(delivery -> prefetch.need(Layout.CUSTOMERS, change(delivery).customerId()));
    }

    /** The progress documents the credits may move in: found by running the chunk's changes on the stored books. */
    @Override
    public void prefetchMore(List<Delivery<CustomerDealEvent>> deliveries, Prefetched prefetched, Prefetch more) {
        Map<String, CustomerBook> books = new LinkedHashMap<>();
        Set<String> ids = new LinkedHashSet<>();
        for (Delivery<CustomerDealEvent> delivery : deliveries) {
            CustomerDealChanged change = change(delivery);
            CustomerBook book = books.computeIfAbsent(change.customerId(), id -> CustomerDocuments.fromStored(
                    prefetched.document(Layout.CUSTOMERS, id).orElse(null), id));
            CustomerBook.Recredited recredited = book.with(CustomerDocuments.dealOf(change)).recredit(calendar);
            recredited.rows().forEach(row -> ids.addAll(Tally.progressIds(row)));
            books.put(change.customerId(), recredited.book());
        }
        ids.forEach(id -> more.need(Layout.PROGRESS, id));
    }

    @Override
    public void apply(Delivery<CustomerDealEvent> delivery, Batch batch) {
        CustomerDealChanged change = change(delivery);
        Doc doc = batch.doc(Layout.CUSTOMERS, change.customerId());
        CustomerBook before = CustomerDocuments.read(doc, change.customerId());
        CustomerBook book = before.with(CustomerDocuments.dealOf(change));
        if (book == before) {
            return;
        }
        CustomerBook.Recredited recredited = book.recredit(calendar);
        Chunk chunk = chunks.of(batch);
        for (Row row : recredited.rows()) {
            chunk.tally.add(row, 1, delivery.eventId(), change.closedAt());
        }
        CustomerBook after = retier(recredited.book(), delivery, batch, chunk);
        CustomerDocuments.write(doc, before, after);
    }

    /** Tiers the customer anew, announces a change, and notes where the customer is listed. */
    private CustomerBook retier(CustomerBook book, Delivery<CustomerDealEvent> delivery, Batch batch, Chunk chunk) {
        Optional<TierPolicy.Tiering> tiering = book.tiering(tiers, calendar);
        Optional<CustomerBook.Deal> latest = book.latest();
        String team = latest.map(deal -> deal.by().team()).orElse(null);
        CustomerTier tier = tiering.map(TierPolicy.Tiering::tier).orElse(book.tier() == null ? null : CustomerTier.C);
        long changes = book.tierChanges();
        if (tier != null && tier != book.tier()) {
            changes++;
            Instant at = latest.map(CustomerBook.Deal::at).orElse(change(delivery).closedAt());
            BigDecimal trailing = tiering.map(TierPolicy.Tiering::trailing12Months).orElse(BigDecimal.ZERO);
            String reason = tiering.map(TierPolicy.Tiering::reason).orElse("no won deal counts any more");
            CustomerTierChanged changed = new CustomerTierChanged(book.customerId(),
                    latest.map(deal -> deal.by().rep()).orElse(null), book.tier(), tier, trailing, reason, at);
            UUID id = EventIds.of("kpi-tier", book.customerId(), Long.toString(changes));
            batch.emit(batch.publisher().envelope(id, at, changed));
        }
        Map<String, Object> entry = null;
        if (team != null && tiering.isPresent()) {
            entry = new LinkedHashMap<>();
            entry.put("tier", tiering.get().tier());
            entry.put("t12m", tiering.get().trailing12Months());
            entry.put("l6m", tiering.get().last6Months());
            entry.put("p6m", tiering.get().prior6Months());
            entry.put("rep", latest.get().by().rep());
            entry.put("asOf", calendar.day(latest.get().at()));
            entry.put("reason", tiering.get().reason());
        }
        Listing earlier = chunk.listings.get(book.customerId());
        chunk.listings.put(book.customerId(), new Listing(earlier != null ? earlier.before() : book.listedTeam(),
                entry == null ? null : team, entry));
        return book.withTier(tier, changes, entry == null ? null : team);
    }

    @Override
    public void complete(Batch batch) {
        Chunk chunk = chunks.complete(batch);
        chunk.listings.forEach((customer, listing) -> {
            String key = "c." + Keys.escape(customer);
            if (listing.before() != null && !listing.before().equals(listing.after())) {
                batch.doc(Layout.TIERS, listing.before()).unset(key);
            }
            if (listing.after() != null) {
                batch.doc(Layout.TIERS, listing.after()).set(key, listing.entry());
            }
        });
        chunk.tally.flush(batch, signals);
    }

    private static CustomerDealChanged change(Delivery<CustomerDealEvent> delivery) {
        return (CustomerDealChanged) delivery.payload();
    }
}
