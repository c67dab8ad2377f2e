package io.quotaflow.kpi.customers.domain;

import io.quotaflow.events.activity.LeadChannel;
import io.quotaflow.events.kpi.CustomerTier;
import io.quotaflow.kpi.aggregation.domain.Attribution;
import io.quotaflow.kpi.aggregation.domain.Measure;
import io.quotaflow.kpi.aggregation.domain.Row;
import io.quotaflow.kpi.calendar.BusinessCalendar;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * One customer's won deals, as kpi-service learned them (per deal the highest sequence wins), and what follows:
 * <ul>
 *   <li><b>new customer</b>: the customer's first won deal ever that still counts (earliest win, then deal id) is
 *       credited one new customer, on its day, to its rep, team, region, product line and channel. When a cancelled
 *       first deal or an earlier deal arriving late moves "first", the credit moves with it: the credit held
 *       ({@link #credit}) is compared with the one the first deal should hold, and the difference is the change.</li>
 *   <li><b>tier</b> as of the customer's latest counting deal ({@link TierPolicy}), and its {@link #owner}: the rep
 *       and team of that deal, whose list shows the customer.</li>
 * </ul>
 * The book stays small however many deals the customer wins: per deal only what ordering, tiers and
 * de-duplication need ({@link Entry}). The facts of a counting deal ({@link Facts}: who, product line, channel) are
 * kept beside the book, one record per deal, and looked up only when the credit or the ownership moves to a deal
 * other than the one that changed ({@link #needs}).
 */
public record CustomerBook(String customerId, Map<String, Entry> deals, Credit credit, Owner owner, CustomerTier tier,
                           long tierChanges, String listedIn) {

    /** The class of the books' own read-only views: a book made from another's deals shares them, uncopied. */
    private static final Class<?> SHARED = Collections.unmodifiableSortedMap(new TreeMap<>()).getClass();

    public CustomerBook {
        Objects.requireNonNull(customerId, "customerId");
        deals = deals == null ? Collections.unmodifiableSortedMap(new TreeMap<>())
                : deals.getClass() == SHARED ? deals : Collections.unmodifiableSortedMap(new TreeMap<>(deals));
    }

    public static CustomerBook empty(String customerId) {
        return new CustomerBook(customerId, Map.of(), null, null, null, 0, null);
    }

    /** A deal as the book keeps it: its sequence and, while it counts, when it was won and for how much. */
    public record Entry(long sequence, Instant at, BigDecimal amount) {

        public static Entry notCounting(long sequence) {
            return new Entry(sequence, null, null);
        }

        public boolean counted() {
            return at != null;
        }
    }

    /** What a counting deal brings its customer. */
    public record Facts(String dealId, Instant at, BigDecimal amount, String productLine, LeadChannel channel,
                        String promotion, Attribution by) {

        public Facts {
            Objects.requireNonNull(dealId, "dealId");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(by, "by");
        }
    }

    /** A deal's change, as its customer hears it: the facts while it counts, {@code null} once it does not. */
    public record Change(String dealId, long sequence, Facts facts) {

        public boolean counted() {
            return facts != null;
        }
    }

    /** Where the new-customer credit was counted, and for which deal. */
    public record Credit(String dealId, Instant at, Attribution by, String productLine, LeadChannel channel,
                         String promotion) {

        static Credit of(Facts facts) {
            return new Credit(facts.dealId(), facts.at(), facts.by(), facts.productLine(), facts.channel(),
                    facts.promotion());
        }

        Row row(BusinessCalendar calendar, int sign) {
            return Row.of(calendar.day(at), by, productLine, channel, promotion, Measure.NEW_CUSTOMERS,
                    BigDecimal.valueOf(sign));
        }
    }

    /** The latest counting deal's rep and team: who owns the customer. */
    public record Owner(String dealId, Attribution by) {

        static Owner of(Facts facts) {
            return new Owner(facts.dealId(), facts.by());
        }
    }

    /** The book after a change, and the figures' change: the new-customer credit moving. */
    public record Recredited(CustomerBook book, List<Row> rows) {
    }

    /**
     * The deals other than the changed one whose facts {@link #with} will look up: the first counting deal when it
     * does not hold the credit, the latest when it is not the owner's. Empty for a change older than the one held.
     */
    public Set<String> needs(Change change) {
        Set<String> needs = new LinkedHashSet<>();
        if (isStale(change)) {
            return needs;
        }
        Ends ends = ends(change);
        if (ends.first() != null && !ends.first().equals(change.dealId())
                && !stays(ends.first(), credit == null ? null : credit.dealId(), change)) {
            needs.add(ends.first());
        }
        if (ends.latest() != null && !ends.latest().equals(change.dealId())
                && !stays(ends.latest(), owner == null ? null : owner.dealId(), change)) {
            needs.add(ends.latest());
        }
        return needs;
    }

    /** Whether what the book holds for deal {@code heldId} still stands for {@code id}: the same deal, unchanged. */
    private static boolean stays(String id, String heldId, Change change) {
        return id.equals(heldId) && !id.equals(change.dealId());
    }

    /**
     * The book once a deal's change is known, with the credit moved to the first counting deal; an older sequence
     * than the one held changes nothing (the same book, no rows). {@code facts} gives the facts of the deals
     * {@link #needs} names.
     */
    public Recredited with(Change change, Function<String, Facts> facts, BusinessCalendar calendar) {
        if (isStale(change)) {
            return new Recredited(this, List.of());
        }
        Function<String, Facts> known = id -> {
            if (id.equals(change.dealId())) {
                return change.facts();
            }
            Facts found = facts.apply(id);
            if (found == null) {
                throw new IllegalStateException("the facts of deal " + id + " of customer " + customerId
                        + " are not known");
            }
            return found;
        };
        Ends ends = ends(change);
        Credit wanted = ends.first() == null ? null : stays(ends.first(), credit == null ? null : credit.dealId(),
                change) ? credit : Credit.of(known.apply(ends.first()));
        Owner nextOwner = ends.latest() == null ? null : stays(ends.latest(), owner == null ? null : owner.dealId(),
                change) ? owner : Owner.of(known.apply(ends.latest()));
        List<Row> rows = new ArrayList<>(2);
        if (!Objects.equals(wanted, credit)) {
            if (credit != null) {
                rows.add(credit.row(calendar, -1));
            }
            if (wanted != null) {
                rows.add(wanted.row(calendar, 1));
            }
        }
        TreeMap<String, Entry> next = new TreeMap<>(deals);
        next.put(change.dealId(), change.counted()
                ? new Entry(change.sequence(), change.facts().at(), change.facts().amount())
                : Entry.notCounting(change.sequence()));
        return new Recredited(new CustomerBook(customerId, Collections.unmodifiableSortedMap(next), wanted, nextOwner,
                tier, tierChanges, listedIn), rows);
    }

    /** Whether the book holds this deal at the change's sequence or a later one. */
    private boolean isStale(Change change) {
        Entry held = deals.get(change.dealId());
        return held != null && held.sequence() >= change.sequence();
    }

    /** The first and the latest counting deal ({@code null}: none). */
    private record Ends(String first, String latest) {
    }

    /** The ends once {@code change} is applied ({@code null}: as the book stands), found in one pass, copying nothing. */
    private Ends ends(Change change) {
        String first = null;
        String latest = null;
        Instant firstAt = null;
        Instant latestAt = null;
        for (Map.Entry<String, Entry> deal : deals.entrySet()) {
            String id = deal.getKey();
            Instant at = deal.getValue().at();
            if (at == null || change != null && id.equals(change.dealId())) {
                continue;
            }
            if (first == null || earlier(at, id, firstAt, first)) {
                first = id;
                firstAt = at;
            }
            if (latest == null || earlier(latestAt, latest, at, id)) {
                latest = id;
                latestAt = at;
            }
        }
        if (change != null && change.counted()) {
            Instant at = change.facts().at();
            if (first == null || earlier(at, change.dealId(), firstAt, first)) {
                first = change.dealId();
            }
            if (latest == null || earlier(latestAt, latest, at, change.dealId())) {
                latest = change.dealId();
            }
        }
        return new Ends(first, latest);
    }

    /** Whether a deal won at {@code at} sorts before one won at {@code otherAt}: earlier, then by deal id. */
    private static boolean earlier(Instant at, String id, Instant otherAt, String otherId) {
        int byTime = at.compareTo(otherAt);
        return byTime < 0 || byTime == 0 && id.compareTo(otherId) < 0;
    }

    /** The first won deal ever that counts. */
    public Optional<String> first() {
        return Optional.ofNullable(ends(null).first());
    }

    /** The latest counting deal: it sets the day tiers are taken on and who owns the customer. */
    public Optional<String> latest() {
        return Optional.ofNullable(ends(null).latest());
    }

    /** Purchases by day: the amounts of the counting deals. */
    public Map<LocalDate, BigDecimal> purchases(BusinessCalendar calendar) {
        Map<LocalDate, BigDecimal> purchases = new TreeMap<>();
        deals.values().stream().filter(Entry::counted)
                .forEach(deal -> purchases.merge(calendar.day(deal.at()), deal.amount(), BigDecimal::add));
        return purchases;
    }

    /** The tiering as of the latest counting deal, or none while no deal counts. */
    public Optional<TierPolicy.Tiering> tiering(TierPolicy policy, BusinessCalendar calendar) {
        return latest().map(id -> policy.classify(purchases(calendar), calendar.day(deals.get(id).at())));
    }

    /** @param list the tier list that now shows the customer ({@code null}: none) */
    public CustomerBook withTier(CustomerTier newTier, long changes, String list) {
        return new CustomerBook(customerId, deals, credit, owner, newTier, changes, list);
    }
}
