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
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Customer-level figures from kpi-service's own customer-keyed topic: one partition owns each customer, so "the
 * customer's first deal ever" is decided without racing another rep's partition. Keeps each customer's book of won
 * deals ({@link CustomerBook}) and the facts of its counting deals beside it, moves the new-customer credit to the
 * first counting deal (changing the figures by the difference), keeps the customer's tier
 * ({@code CustomerTierChanged} when it changes) and the team tier lists.
 */
public final class CustomerProjection implements Projection<CustomerDealEvent> {

    private final BusinessCalendar calendar;
    private final TierPolicy tiers;
    private final AttainmentSignals signals;
    private final ChunkState<Chunk> chunks = new ChunkState<>(Chunk::new);

    /**
     * A chunk's changes: figures, per customer the team list it leaves and the one it is on at the end, and what
     * earlier events of the chunk left: each customer's book, each deal's facts.
     */
    private static final class Chunk {
        final Tally tally = new Tally();
        final Map<String, Listing> listings = new LinkedHashMap<>();
        final Map<String, CustomerBook> books = new HashMap<>();
        final Map<String, CustomerBook.Facts> learned = new HashMap<>();
    }

    /**
     * The tier-list document that showed a customer before the chunk, and the one (with what) after it. A book written
     * before the lists were split names its team's single document; the customer's next change moves it to its bucket.
     */
    private record Listing(String before, String after, Map<String, Object> entry) {
    }

    public CustomerProjection(BusinessCalendar calendar, TierPolicy tiers, AttainmentSignals signals) {
        this.calendar = calendar;
        this.tiers = tiers;
        this.signals = signals;
    }

    @Override
    public Set<String> collections() {
        return Set.of(Layout.MONTHS, Layout.PROGRESS, Layout.CUSTOMERS, Layout.CUSTOMER_DEALS, Layout.TIERS,
                Layout.SCOPES);
    }

    @Override
    public void prefetch(List<Delivery<CustomerDealEvent>> deliveries, Prefetch prefetch) {
        deliveries.forEach(delivery -> prefetch.need(Layout.CUSTOMERS, change(delivery).customerId()));
    }

    /**
     * Runs the chunk's changes on the stored books to find what they read: the facts of a deal the credit or the
     * ownership moves to (when neither this chunk nor an earlier round read them, they are named and the customer
     * waits for the next round), and the progress documents the credits move in.
     */
    @Override
    public void prefetchMore(List<Delivery<CustomerDealEvent>> deliveries, Prefetched prefetched, Prefetch more) {
        Map<String, CustomerBook> books = new HashMap<>();
        Map<String, CustomerBook.Facts> learned = new HashMap<>();
        Set<String> waiting = new HashSet<>();
        for (Delivery<CustomerDealEvent> delivery : deliveries) {
            String customer = change(delivery).customerId();
            if (waiting.contains(customer)) {
                continue;
            }
            CustomerBook.Change change = CustomerDocuments.changeOf(change(delivery));
            CustomerBook book = books.computeIfAbsent(customer, id -> CustomerDocuments.fromStored(
                    prefetched.document(Layout.CUSTOMERS, id).orElse(null), id));
            Function<String, CustomerBook.Facts> facts = dealId -> {
                String id = CustomerDocuments.factsId(customer, dealId);
                return learned.containsKey(id) ? learned.get(id)
                        : CustomerDocuments.facts(prefetched.document(Layout.CUSTOMER_DEALS, id).orElse(null), dealId);
            };
            boolean unknown = false;
            for (String dealId : book.needs(change)) {
                if (facts.apply(dealId) == null) {
                    more.need(Layout.CUSTOMER_DEALS, CustomerDocuments.factsId(customer, dealId));
                    unknown = true;
                }
            }
            if (unknown) {
                waiting.add(customer);
                continue;
            }
            CustomerBook.Recredited recredited = book.with(change, facts, calendar);
            if (recredited.book() != book) {
                recredited.rows().forEach(row -> Tally.progressIds(row).forEach(id -> more.need(Layout.PROGRESS, id)));
                books.put(customer, recredited.book());
                if (change.counted()) {
                    learned.put(CustomerDocuments.factsId(customer, change.dealId()), change.facts());
                }
            }
        }
    }

    @Override
    public void apply(Delivery<CustomerDealEvent> delivery, Batch batch) {
        String customer = change(delivery).customerId();
        CustomerBook.Change change = CustomerDocuments.changeOf(change(delivery));
        Chunk chunk = chunks.of(batch);
        Doc doc = batch.doc(Layout.CUSTOMERS, customer);
        CustomerBook before = chunk.books.containsKey(customer) ? chunk.books.get(customer)
                : CustomerDocuments.read(doc, customer);
        CustomerBook.Recredited recredited = before.with(change, dealId -> facts(batch, chunk, customer, dealId),
                calendar);
        if (recredited.book() == before) {
            return;
        }
        for (Row row : recredited.rows()) {
            chunk.tally.add(row, 1, delivery.eventId(), change(delivery).closedAt());
        }
        CustomerBook after = retier(recredited.book(), delivery, batch, chunk);
        CustomerDocuments.write(doc, before, after);
        chunk.books.put(customer, after);
        if (change.counted()) {
            String id = CustomerDocuments.factsId(customer, change.dealId());
            CustomerDocuments.writeFacts(batch.doc(Layout.CUSTOMER_DEALS, id), change.facts());
            chunk.learned.put(id, change.facts());
        }
    }

    /** A deal's facts: as an earlier event of the chunk left them, else as read ({@code null}: not read). */
    private static CustomerBook.Facts facts(Batch batch, Chunk chunk, String customer, String dealId) {
        String id = CustomerDocuments.factsId(customer, dealId);
        if (chunk.learned.containsKey(id)) {
            return chunk.learned.get(id);
        }
        Doc doc = batch.doc(Layout.CUSTOMER_DEALS, id);
        return doc.loaded() ? CustomerDocuments.facts(doc, dealId) : null;
    }

    /** Tiers the customer anew, announces a change, and notes where the customer is listed. */
    private CustomerBook retier(CustomerBook book, Delivery<CustomerDealEvent> delivery, Batch batch, Chunk chunk) {
        Optional<TierPolicy.Tiering> tiering = book.tiering(tiers, calendar);
        Optional<Instant> latestAt = book.latest().map(id -> book.deals().get(id).at());
        CustomerBook.Owner owner = book.owner();
        String team = owner == null ? null : owner.by().team();
        CustomerTier tier = tiering.map(TierPolicy.Tiering::tier).orElse(book.tier() == null ? null : CustomerTier.C);
        long changes = book.tierChanges();
        if (tier != null && tier != book.tier()) {
            changes++;
            Instant at = latestAt.orElse(change(delivery).closedAt());
            BigDecimal trailing = tiering.map(TierPolicy.Tiering::trailing12Months).orElse(BigDecimal.ZERO);
            String reason = tiering.map(TierPolicy.Tiering::reason).orElse("no won deal counts any more");
            CustomerTierChanged changed = new CustomerTierChanged(book.customerId(),
                    owner == null ? null : owner.by().rep(), book.tier(), tier, trailing, reason, at);
            UUID id = EventIds.of("kpi-tier", book.customerId(), Long.toString(changes));
            batch.emit(batch.publisher().envelope(id, at, changed));
        }
        Map<String, Object> entry = null;
        String list = null;
        if (team != null && tiering.isPresent()) {
            list = Layout.tierListId(team, book.customerId());
            entry = new LinkedHashMap<>();
            entry.put("tier", tiering.get().tier());
            entry.put("t12m", tiering.get().trailing12Months());
            entry.put("l6m", tiering.get().last6Months());
            entry.put("p6m", tiering.get().prior6Months());
            entry.put("rep", owner.by().rep());
            entry.put("asOf", calendar.day(latestAt.orElseThrow()));
            entry.put("reason", tiering.get().reason());
        }
        Listing earlier = chunk.listings.get(book.customerId());
        chunk.listings.put(book.customerId(), new Listing(earlier != null ? earlier.before() : book.listedIn(),
                list, entry));
        return book.withTier(tier, changes, list);
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
