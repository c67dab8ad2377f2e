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
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One customer's won deals, as kpi-service learned them (per deal the highest sequence wins), and what follows:
 * <ul>
 *   <li><b>new customer</b>: the customer's first won deal ever that still counts (earliest win, then deal id) is
 *       credited one new customer, on its day, to its rep, team, region, product line and channel. When a cancelled
 *       first deal or an earlier deal arriving late moves "first", the credit moves with it: the credit a deal holds
 *       ({@link Deal#credit}) is compared with the one it should hold, and the difference is the change.</li>
 *   <li><b>tier</b> as of the customer's latest counting deal ({@link TierPolicy}), and the team whose list shows the
 *       customer: the team of the rep of that latest deal.</li>
 * </ul>
 */
public record CustomerBook(String customerId, Map<String, Deal> deals, CustomerTier tier, long tierChanges,
                           String listedTeam) {

    public CustomerBook {
        Objects.requireNonNull(customerId, "customerId");
        deals = deals == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(deals));
    }

    public static CustomerBook empty(String customerId) {
        return new CustomerBook(customerId, Map.of(), null, 0, null);
    }

    /** A won deal as its customer sees it, with the new-customer credit it holds ({@code null}: none). */
    public record Deal(String dealId, long sequence, boolean counted, Instant at, BigDecimal amount, String productLine,
                       LeadChannel channel, String promotion, Attribution by, Credit credit) {
        Credit wantedCredit() {
            return new Credit(at, by, productLine, channel, promotion);
        }
    }

    /** Where a new-customer credit was counted. */
    public record Credit(Instant at, Attribution by, String productLine, LeadChannel channel, String promotion) {
        Row row(BusinessCalendar calendar, int sign) {
            return Row.of(calendar.day(at), by, productLine, channel, promotion, Measure.NEW_CUSTOMERS,
                    BigDecimal.valueOf(sign));
        }
    }

    /** The book once a deal's change is known (an older sequence than the one held changes nothing). */
    public CustomerBook with(Deal change) {
        Deal held = deals.get(change.dealId());
        if (held != null && held.sequence() >= change.sequence()) {
            return this;
        }
        Map<String, Deal> next = new TreeMap<>(deals);
        next.put(change.dealId(), new Deal(change.dealId(), change.sequence(), change.counted(), change.at(),
                change.amount(), change.productLine(), change.channel(), change.promotion(), change.by(),
                held == null ? null : held.credit()));
        return new CustomerBook(customerId, next, tier, tierChanges, listedTeam);
    }

    /** The first won deal ever that counts. */
    public Optional<Deal> first() {
        return counting().min(Comparator.comparing(Deal::at).thenComparing(Deal::dealId));
    }

    /** The latest counting deal: it sets the day tiers are taken on and who owns the customer. */
    public Optional<Deal> latest() {
        return counting().max(Comparator.comparing(Deal::at).thenComparing(Deal::dealId));
    }

    private java.util.stream.Stream<Deal> counting() {
        return deals.values().stream().filter(Deal::counted);
    }

    /** The result of moving the new-customer credit to where it belongs. */
    public record Recredited(CustomerBook book, List<Row> rows) {
    }

    /** Moves the new-customer credit to the first counting deal; the rows are the figures' change. */
    public Recredited recredit(BusinessCalendar calendar) {
        String firstId = first().map(Deal::dealId).orElse(null);
        Map<String, Deal> next = new TreeMap<>(deals);
        List<Row> rows = new ArrayList<>();
        for (Deal deal : deals.values()) {
            Credit wanted = deal.dealId().equals(firstId) ? deal.wantedCredit() : null;
            if (!Objects.equals(wanted, deal.credit())) {
                if (deal.credit() != null) {
                    rows.add(deal.credit().row(calendar, -1));
                }
                if (wanted != null) {
                    rows.add(wanted.row(calendar, 1));
                }
                next.put(deal.dealId(), new Deal(deal.dealId(), deal.sequence(), deal.counted(), deal.at(),
                        deal.amount(), deal.productLine(), deal.channel(), deal.promotion(), deal.by(), wanted));
            }
        }
        return new Recredited(new CustomerBook(customerId, next, tier, tierChanges, listedTeam), rows);
    }

    /** Purchases by day: the amounts of the counting deals. */
    public Map<LocalDate, BigDecimal> purchases(BusinessCalendar calendar) {
        Map<LocalDate, BigDecimal> purchases = new TreeMap<>();
        counting().forEach(deal -> purchases.merge(calendar.day(deal.at()), deal.amount(), BigDecimal::add));
        return purchases;
    }

    /** The tiering as of the latest counting deal, or none while no deal counts. */
    public Optional<TierPolicy.Tiering> tiering(TierPolicy policy, BusinessCalendar calendar) {
        return latest().map(deal -> policy.classify(purchases(calendar), calendar.day(deal.at())));
    }

    public CustomerBook withTier(CustomerTier newTier, long changes, String team) {
        return new CustomerBook(customerId, deals, newTier, changes, team);
    }
}
