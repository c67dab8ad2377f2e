package io.quotaflow.kpi.aggregation;

import io.quotaflow.events.activity.LeadChannel;
import io.quotaflow.kpi.aggregation.domain.DealFacts;
import io.quotaflow.platform.consumption.Doc;
import org.bson.Document;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * {@link DealFacts} in a {@code kpi_deals} document: {@code w} (won), {@code x} (cancelled), {@code p.<eventId>}
 * (payments), {@code o} (first pipeline stage), {@code cs} (customer sequence).
 */
final class DealDocuments {

    private DealDocuments() {
    }

    /** The facts a deal document holds (it must have been read). */
    static DealFacts read(Doc doc, String dealId) {
        return facts(dealId, nested(doc, "w"), nested(doc, "x"), nested(doc, "p"), nested(doc, "o"), doc.count("cs"));
    }

    /** Facts from a stored document (as {@link io.quotaflow.platform.consumption.Prefetched} gives it). */
    static DealFacts fromStored(Document stored, String dealId) {
        if (stored == null) {
            return DealFacts.none(dealId);
        }
        return facts(dealId, Fields.document(stored, "w"), Fields.document(stored, "x"), Fields.document(stored, "p"),
                Fields.document(stored, "o"), Fields.count(stored, "cs"));
    }

    private static Document nested(Doc doc, String path) {
        return doc.has(path) ? doc.document(path) : null;
    }

    private static DealFacts facts(String dealId, Document won, Document cancelled, Document payments,
                                   Document pipeline, long sequence) {
        DealFacts.Won w = won == null ? null : new DealFacts.Won(Fields.uuid(won, "e"), Fields.instant(won, "at"),
                won.getString("cu"), Fields.decimal(won, "amt"), Fields.decimal(won, "gm"), won.getString("pl"),
                Fields.enumOf(won, "ch", LeadChannel::valueOf), won.getString("pr"), Fields.instant(won, "oc"),
                Fields.date(won, "due"), Fields.attribution(won));
        DealFacts.Cancellation x = cancelled == null ? null
                : new DealFacts.Cancellation(Fields.uuid(cancelled, "e"), Fields.instant(cancelled, "at"));
        Map<String, DealFacts.Payment> p = new TreeMap<>();
        if (payments != null) {
            payments.forEach((eventId, value) -> {
                Document payment = (Document) value;
                p.put(eventId, new DealFacts.Payment(java.util.UUID.fromString(eventId), Fields.instant(payment, "at"),
                        Fields.decimal(payment, "amt"), Fields.attribution(payment)));
            });
        }
        DealFacts.Pipeline o = pipeline == null ? null : new DealFacts.Pipeline(Fields.instant(pipeline, "at"),
                Fields.instant(pipeline, "oc"), Fields.attribution(pipeline));
        return new DealFacts(dealId, w, x, p, o, sequence);
    }

    /** Writes what changed from {@code before} to {@code after}. */
    static void write(Doc doc, DealFacts before, DealFacts after) {
        if (!Objects.equals(before.won(), after.won())) {
            DealFacts.Won won = after.won();
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("e", won.eventId());
            values.put("at", won.at());
            values.put("cu", won.customer());
            values.put("amt", won.amount());
            values.put("gm", won.margin());
            values.put("pl", won.productLine());
            values.put("ch", won.channel());
            values.put("pr", won.promotion());
            values.put("oc", won.opportunityCreatedAt());
            values.put("due", won.dueDate());
            doc.set("w", Fields.compact(Fields.put(values, won.by())));
        }
        if (!Objects.equals(before.cancellation(), after.cancellation())) {
            doc.set("x", Map.of("e", after.cancellation().eventId(), "at", after.cancellation().at()));
        }
        after.payments().forEach((eventId, payment) -> {
            if (!before.payments().containsKey(eventId)) {
                Map<String, Object> values = new LinkedHashMap<>();
                values.put("at", payment.at());
                values.put("amt", payment.amount());
                doc.set("p." + eventId, Fields.compact(Fields.put(values, payment.by())));
            }
        });
        if (!Objects.equals(before.pipeline(), after.pipeline())) {
            DealFacts.Pipeline pipeline = after.pipeline();
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("at", pipeline.firstAt());
            values.put("oc", pipeline.createdAt());
            doc.set("o", Fields.compact(Fields.put(values, pipeline.by())));
        }
        if (before.customerSequence() != after.customerSequence()) {
            doc.set("cs", after.customerSequence());
        }
    }
}
