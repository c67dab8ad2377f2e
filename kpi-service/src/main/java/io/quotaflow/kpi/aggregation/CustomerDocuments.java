package io.quotaflow.kpi.aggregation;

import io.quotaflow.events.activity.LeadChannel;
import io.quotaflow.events.kpi.CustomerDealChanged;
import io.quotaflow.events.kpi.CustomerTier;
import io.quotaflow.kpi.aggregation.domain.Attribution;
import io.quotaflow.kpi.customers.domain.CustomerBook;
import io.quotaflow.platform.consumption.Doc;
import org.bson.Document;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A {@link CustomerBook} in a {@code kpi_customers} document: {@code d.<dealId>} per deal (with {@code cr}, the
 * new-customer credit it holds), {@code tier}, {@code tn} (tier changes so far) and {@code team} (whose list shows
 * the customer).
 */
final class CustomerDocuments {

    private CustomerDocuments() {
    }

    static CustomerBook read(Doc doc, String customerId) {
        return fromStored(doc.has("d") || doc.has("tier") ? storedOf(doc) : null, customerId);
    }

    private static Document storedOf(Doc doc) {
        Document stored = new Document();
        for (String field : new String[]{"d", "tier", "tn", "team"}) {
            if (doc.has(field)) {
                stored.put(field, doc.get(field));
            }
        }
        return stored;
    }

    static CustomerBook fromStored(Document stored, String customerId) {
        if (stored == null) {
            return CustomerBook.empty(customerId);
        }
        Map<String, CustomerBook.Deal> deals = new TreeMap<>();
        Document byDeal = Fields.document(stored, "d");
        if (byDeal != null) {
            byDeal.forEach((key, value) -> {
                Document deal = (Document) value;
                Document credit = Fields.document(deal, "cr");
                String dealId = Keys.unescape(key);
                deals.put(dealId, new CustomerBook.Deal(dealId, Fields.count(deal, "s"), Boolean.TRUE.equals(deal.get("k")),
                        Fields.instant(deal, "at"), Fields.decimal(deal, "amt"), deal.getString("pl"),
                        Fields.enumOf(deal, "ch", LeadChannel::valueOf), deal.getString("pr"), Fields.attribution(deal),
                        credit == null ? null : new CustomerBook.Credit(Fields.instant(credit, "at"),
                                Fields.attribution(credit), credit.getString("pl"),
                                Fields.enumOf(credit, "ch", LeadChannel::valueOf), credit.getString("pr"))));
            });
        }
        return new CustomerBook(customerId, deals, Fields.enumOf(stored, "tier", CustomerTier::valueOf),
                Fields.count(stored, "tn"), stored.getString("team"));
    }

    static CustomerBook.Deal dealOf(CustomerDealChanged change) {
        return new CustomerBook.Deal(change.dealId(), change.sequence(), change.counted(), change.closedAt(),
                change.amount(), change.productLine(), change.channel(), change.promotionCode(),
                new Attribution(change.repId(), change.teamId(), change.regionId()), null);
    }

    /** Writes what changed from {@code before} to {@code after}. */
    static void write(Doc doc, CustomerBook before, CustomerBook after) {
        after.deals().forEach((dealId, deal) -> {
            if (!Objects.equals(before.deals().get(dealId), deal)) {
                Map<String, Object> values = new LinkedHashMap<>();
                values.put("s", deal.sequence());
                values.put("k", deal.counted());
                values.put("at", deal.at());
                values.put("amt", deal.amount());
                values.put("pl", deal.productLine());
                values.put("ch", deal.channel());
                values.put("pr", deal.promotion());
                Fields.put(values, deal.by());
                if (deal.credit() != null) {
                    Map<String, Object> credit = new LinkedHashMap<>();
                    credit.put("at", deal.credit().at());
                    credit.put("pl", deal.credit().productLine());
                    credit.put("ch", deal.credit().channel());
                    credit.put("pr", deal.credit().promotion());
                    values.put("cr", Fields.compact(Fields.put(credit, deal.credit().by())));
                }
                doc.set("d." + Keys.escape(dealId), Fields.compact(values));
            }
        });
        if (after.tier() != before.tier()) {
            doc.set("tier", after.tier());
        }
        if (after.tierChanges() != before.tierChanges()) {
            doc.set("tn", after.tierChanges());
        }
        if (!Objects.equals(after.listedTeam(), before.listedTeam())) {
            doc.set("team", after.listedTeam());
        }
    }
}
