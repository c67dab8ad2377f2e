package io.quotaflow.kpi.customers;

import io.quotaflow.events.kpi.CustomerTier;
import io.quotaflow.kpi.KpiProperties;
import io.quotaflow.kpi.aggregation.Fields;
import io.quotaflow.kpi.aggregation.Figures;
import io.quotaflow.kpi.aggregation.Keys;
import io.quotaflow.kpi.aggregation.Layout;
import io.quotaflow.kpi.calendar.BusinessCalendar;
import io.quotaflow.kpi.customers.CustomerViews.HighIntent;
import io.quotaflow.kpi.customers.CustomerViews.IntentEntry;
import io.quotaflow.kpi.customers.CustomerViews.Signal;
import io.quotaflow.kpi.customers.CustomerViews.TeamTiers;
import io.quotaflow.kpi.customers.CustomerViews.TierEntry;
import io.quotaflow.kpi.customers.CustomerViews.Tiers;
import io.quotaflow.kpi.customers.domain.IntentPolicy;
import org.bson.Document;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Customer tiers per team and high-intent customers per rep, from documents read by {@code _id}: the documents of
 * the team's tier list, and the rep's intent documents of the last three months (older signals have decayed to
 * nothing: after 60 days a signal keeps 1/380 of its weight with the default 7-day half-life).
 */
@Service
public class CustomerInsights {

    static final int INTENT_MONTHS = 3;
    private static final BigDecimal NEGLIGIBLE = new BigDecimal("0.01");

    private final Figures figures;
    private final BusinessCalendar calendar;
    private final IntentPolicy intent;
    private final Clock clock;

    public CustomerInsights(Figures figures, BusinessCalendar calendar, KpiProperties properties,
                            Clock clock) {
        this.figures = figures;
        this.calendar = calendar;
        this.intent = properties.intent().policy();
        this.clock = clock;
    }

    /** The customers of each team by tier ({@code only}: one tier), largest trailing purchases first. */
    public Tiers tiers(List<String> teamIds, CustomerTier only) {
        Map<String, List<String>> listIds = new LinkedHashMap<>();
        teamIds.forEach(teamId -> listIds.put(teamId, Layout.tierListIds(teamId)));
        Map<String, Document> lists = new HashMap<>();
        figures.documents(Layout.TIERS, listIds.values().stream().flatMap(List::stream).toList())
                .forEach(doc -> lists.put(doc.getString("_id"), doc));
        List<TeamTiers> teams = new ArrayList<>();
        for (String teamId : teamIds) {
            Map<CustomerTier, List<TierEntry>> byTier = new EnumMap<>(CustomerTier.class);
            for (CustomerTier tier : CustomerTier.values()) {
                if (only == null || only == tier) {
                    byTier.put(tier, new ArrayList<>());
                }
            }
            listed(listIds.get(teamId), lists).forEach((customer, entry) -> {
                CustomerTier tier = Fields.enumOf(entry, "tier", CustomerTier::valueOf);
                if (byTier.containsKey(tier)) {
                    byTier.get(tier).add(new TierEntry(customer, entry.getString("rep"), tier,
                            Fields.decimal(entry, "t12m"), Fields.decimal(entry, "l6m"), Fields.decimal(entry, "p6m"),
                            Fields.date(entry, "asOf"), entry.getString("reason")));
                }
            });
            Map<CustomerTier, Long> counts = new EnumMap<>(CustomerTier.class);
            byTier.forEach((tier, entries) -> {
                entries.sort(Comparator.comparing(TierEntry::trailing12Months).reversed()
                        .thenComparing(TierEntry::customerId));
                counts.put(tier, (long) entries.size());
            });
            teams.add(new TeamTiers(teamId, counts, byTier));
        }
        return new Tiers(clock.instant(), teams);
    }

    /**
     * The customers on a team's list documents, each once: a book moves its customer out of the list written before
     * the split when it next changes, and if both ever showed one, the later (a bucket) would win.
     */
    private static Map<String, Document> listed(List<String> ids, Map<String, Document> lists) {
        Map<String, Document> customers = new HashMap<>();
        for (String id : ids) {
            Document list = lists.get(id);
            Document entries = list == null ? null : Fields.document(list, "c");
            if (entries != null) {
                entries.forEach((key, value) -> customers.put(Keys.unescape(key), (Document) value));
            }
        }
        return customers;
    }

    /** The rep's customers ranked by intent score now, with the signals behind each score. */
    public HighIntent highIntent(String repId, int limit) {
        Instant now = clock.instant();
        YearMonth current = calendar.period(now);
        Map<String, YearMonth> months = new LinkedHashMap<>();
        for (int back = 0; back < INTENT_MONTHS; back++) {
            YearMonth period = current.minusMonths(back);
            months.put(Layout.intentId(repId, period), period);
        }
        Map<String, Score> scores = new TreeMap<>();
        for (Document doc : figures.documents(Layout.INTENT, months.keySet())) {
            Instant epoch = calendar.start(months.get(doc.getString("_id")));
            Document customers = Fields.document(doc, "c");
            if (customers == null) {
                continue;
            }
            customers.forEach((key, value) -> {
                Document customer = (Document) value;
                Score score = scores.computeIfAbsent(Keys.unescape(key), k -> new Score());
                Instant last = Fields.instant(customer, "last");
                if (last != null && (score.last == null || last.isAfter(score.last))) {
                    score.last = last;
                }
                Document kinds = Fields.document(customer, "k");
                Document counts = Fields.document(customer, "n");
                if (kinds != null) {
                    kinds.forEach((kind, stored) -> {
                        BigDecimal decayed = intent.scoreAt(Fields.decimal(stored), epoch, now);
                        score.signals.merge(kind, decayed, BigDecimal::add);
                        score.total = score.total.add(decayed);
                    });
                }
                if (counts != null) {
                    counts.forEach((kind, n) -> score.counts.merge(kind, ((Number) n).longValue(), Long::sum));
                }
            });
        }
        List<Map.Entry<String, Score>> ranked = scores.entrySet().stream()
                .filter(entry -> entry.getValue().total.compareTo(NEGLIGIBLE) >= 0)
                .sorted(Comparator.comparing((Map.Entry<String, Score> entry) -> entry.getValue().total).reversed()
                        .thenComparing(Map.Entry::getKey))
                .limit(limit).toList();
        List<IntentEntry> customers = new ArrayList<>();
        for (Map.Entry<String, Score> entry : ranked) {
            Score score = entry.getValue();
            List<Signal> signals = score.signals.entrySet().stream()
                    .sorted(Map.Entry.<String, BigDecimal>comparingByValue().reversed())
                    .map(signal -> new Signal(signal.getKey(), score.counts.getOrDefault(signal.getKey(), 0L),
                            round(signal.getValue()))).toList();
            customers.add(new IntentEntry(customers.size() + 1, entry.getKey(), round(score.total), score.last, signals));
        }
        return new HighIntent(repId, now, intent.halfLife(), customers);
    }

    private static BigDecimal round(BigDecimal value) {
        return value.setScale(2, java.math.RoundingMode.HALF_UP);
    }

    /** A customer's score being summed over the months. */
    private static final class Score {
        BigDecimal total = BigDecimal.ZERO;
        Instant last;
        final Map<String, BigDecimal> signals = new TreeMap<>();
        final Map<String, Long> counts = new TreeMap<>();
    }
}
