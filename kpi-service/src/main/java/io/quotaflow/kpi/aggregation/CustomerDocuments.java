package io.quotaflow.kpi.aggregation;

import io.quotaflow.events.activity.LeadChannel;
import io.quotaflow.events.kpi.CustomerDealChanged;
import io.quotaflow.events.kpi.CustomerTier;
import io.quotaflow.kpi.aggregation.domain.Attribution;
import io.quotaflow.kpi.customers.domain.CustomerBook;
import io.quotaflow.platform.consumption.Doc;
import org.bson.Document;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A {@link CustomerBook} in a {@code kpi_customers} document, and the facts of its counting deals in
 * {@code kpi_customer_deals} documents:
 * <pre>
 * kpi_customers      {_id: customerId}
 *   d.&lt;dealId&gt;          [sequence] for a deal that does not count, [sequence, at, amount] for one that does
 *   cr                  the new-customer credit: {deal, at, rep, tm, rg, pl, ch, pr}
 *   ow                  the owner, the latest counting deal's {deal, rep, tm, rg}
 *   tier, tn, team      the tier, tier changes so far, the tier-list document that shows the customer
 *                       ({@code kpi_tiers} id: "t-east|07"; a plain team id if written before the lists were split)
 * kpi_customer_deals {_id: "customerId|dealId"}
 *   f                   the deal's facts as last counted: {at, amt, pl, ch, pr, rep, tm, rg}
 * </pre>
 */
final class CustomerDocuments {

    private static final String[] BOOK_FIELDS = {"d", "cr", "ow", "tier", "tn", "team"};

    private CustomerDocuments() {
    }

    static String factsId(String customerId, String dealId) {
        return customerId + "|" + dealId;
    }

    static CustomerBook read(Doc doc, String customerId) {
        Document stored = new Document();
        for (String field : BOOK_FIELDS) {
            Object value = doc.get(field);
            if (value != null) {
                stored.put(field, value);
            }
        }
        return fromStored(stored, customerId);
    }

    static CustomerBook fromStored(Document stored, String customerId) {
        if (stored == null) {
            return CustomerBook.empty(customerId);
        }
        Map<String, CustomerBook.Entry> deals = new TreeMap<>();
        Document byDeal = Fields.document(stored, "d");
        if (byDeal != null) {
            byDeal.forEach((key, value) -> deals.put(Keys.unescape(key), entry((List<?>) value)));
        }
        Document credit = Fields.document(stored, "cr");
        Document owner = Fields.document(stored, "ow");
        return new CustomerBook(customerId, deals,
                credit == null ? null : new CustomerBook.Credit(credit.getString("deal"), Fields.instant(credit, "at"),
                        Fields.attribution(credit), credit.getString("pl"),
                        Fields.enumOf(credit, "ch", LeadChannel::valueOf), credit.getString("pr")),
                owner == null ? null : new CustomerBook.Owner(owner.getString("deal"), Fields.attribution(owner)),
                Fields.enumOf(stored, "tier", CustomerTier::valueOf), Fields.count(stored, "tn"),
                stored.getString("team"));
    }

    private static CustomerBook.Entry entry(List<?> stored) {
        long sequence = ((Number) stored.get(0)).longValue();
        return stored.size() < 3 ? CustomerBook.Entry.notCounting(sequence)
                : new CustomerBook.Entry(sequence, ((Date) stored.get(1)).toInstant(), Fields.decimal(stored.get(2)));
    }

    /** The facts of a deal kept in its {@code kpi_customer_deals} document, or {@code null} when it has none. */
    static CustomerBook.Facts facts(Document stored, String dealId) {
        Document facts = stored == null ? null : Fields.document(stored, "f");
        if (facts == null) {
            return null;
        }
        return new CustomerBook.Facts(dealId, Fields.instant(facts, "at"), Fields.decimal(facts, "amt"),
                facts.getString("pl"), Fields.enumOf(facts, "ch", LeadChannel::valueOf), facts.getString("pr"),
                Fields.attribution(facts));
    }

    static CustomerBook.Facts facts(Doc doc, String dealId) {
        Object stored = doc.get("f");
        return stored == null ? null : facts(new Document("f", stored), dealId);
    }

    /** The change a {@code CustomerDealChanged} tells, its time kept to the millisecond as documents keep it. */
    static CustomerBook.Change changeOf(CustomerDealChanged change) {
        return new CustomerBook.Change(change.dealId(), change.sequence(), !change.counted() ? null
                : new CustomerBook.Facts(change.dealId(), millis(change.closedAt()), change.amount(),
                change.productLine(), change.channel(), change.promotionCode(),
                new Attribution(change.repId(), change.teamId(), change.regionId())));
    }

    private static Instant millis(Instant at) {
        return at == null ? null : at.truncatedTo(ChronoUnit.MILLIS);
    }

    /** Writes a counting deal's facts into its {@code kpi_customer_deals} document (replacing what was there). */
    static void writeFacts(Doc doc, CustomerBook.Facts facts) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("amt", facts.amount());
        doc.set("f", where(values, facts.at(), facts.productLine(), facts.channel(), facts.promotion(), facts.by()));
    }

    /** Writes what changed from {@code before} to {@code after}. */
    static void write(Doc doc, CustomerBook before, CustomerBook after) {
        after.deals().forEach((dealId, entry) -> {
            if (!Objects.equals(before.deals().get(dealId), entry)) {
                doc.set("d." + Keys.escape(dealId), entry.counted()
                        ? List.of(entry.sequence(), entry.at(), entry.amount()) : List.of(entry.sequence()));
            }
        });
        if (!Objects.equals(after.credit(), before.credit())) {
            doc.set("cr", after.credit() == null ? null : creditValues(after.credit()));
        }
        if (!Objects.equals(after.owner(), before.owner())) {
            doc.set("ow", after.owner() == null ? null : Fields.compact(Fields.put(
                    new LinkedHashMap<>(Map.of("deal", after.owner().dealId())), after.owner().by())));
        }
        if (after.tier() != before.tier()) {
            doc.set("tier", after.tier());
        }
        if (after.tierChanges() != before.tierChanges()) {
            doc.set("tn", after.tierChanges());
        }
        if (!Objects.equals(after.listedIn(), before.listedIn())) {
            doc.set("team", after.listedIn());
        }
    }

    private static Map<String, Object> creditValues(CustomerBook.Credit credit) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("deal", credit.dealId());
        return where(values, credit.at(), credit.productLine(), credit.channel(), credit.promotion(), credit.by());
    }

    /** When, to whom, in which product line and channel a deal or its credit counts, added to {@code values}. */
    private static Map<String, Object> where(Map<String, Object> values, Instant at, String productLine,
                                             LeadChannel channel, String promotion, Attribution by) {
        values.put("at", at);
        values.put("pl", productLine);
        values.put("ch", channel);
        values.put("pr", promotion);
        return Fields.compact(Fields.put(values, by));
    }
}
