package io.quotaflow.reliability;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the system must show, computed from what was sent and from nothing else: per rep and month the revenue and
 * the deals of won deals not cancelled (whatever the order their events came in), the calls; and the awards of the
 * run's incentive plan — {@value #PER_DEAL} per won deal, {@code 3 %} commission on revenue (no target, so the band
 * from 0 applies to all) — and, once a period was closed ({@link #closed}), what its close paid (ranks, team bonus)
 * and what the activity sent after it earns in it, paid in the next open period as adjustments.
 */
final class Reference {

    static final String PER_DEAL = "100.00";
    static final BigDecimal COMMISSION_RATE = new BigDecimal("0.03");

    private final Map<String, Activity> unique = new ConcurrentHashMap<>();
    private volatile Closed closed;

    /**
     * A period closed: the figures it was closed on (everything sent until then), and the awards the close itself
     * paid per rep (rank places, team bonus).
     */
    record Closed(YearMonth period, Map<Key, Figures> atClose, Map<String, List<BigDecimal>> closeAwards) {

        /** What the rep's closed statement pays: the awards of the figures at the close, and the close's own. */
        BigDecimal statement(String repId) {
            return atClose.getOrDefault(new Key(repId, period), Figures.NONE).awards().add(closeAwards(repId));
        }

        BigDecimal closeAwards(String repId) {
            return closeAwards.getOrDefault(repId, List.of()).stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    /** Records an activity the test will send until it is accepted; a second copy of the same id changes nothing. */
    void sent(Activity activity) {
        unique.putIfAbsent(activity.externalId() + "|" + activity.type(), activity);
    }

    int events() {
        return unique.size();
    }

    /** Records that {@code period} was closed now, paying {@code closeAwards} per rep. */
    void closed(YearMonth period, Map<String, List<BigDecimal>> closeAwards) {
        closed = new Closed(period, Map.copyOf(expected()), Map.copyOf(closeAwards));
    }

    Optional<Closed> closed() {
        return Optional.ofNullable(closed);
    }

    /** What the awards earned by the rep in the month add up to: the figures' awards and, once closed, the close's. */
    BigDecimal awards(Key key, Figures figures) {
        Closed close = closed;
        return close != null && close.period().equals(key.period())
                ? figures.awards().add(close.closeAwards(key.repId())) : figures.awards();
    }

    /** Expected figures per rep and month. */
    Map<Key, Figures> expected() {
        Set<String> cancelled = ConcurrentHashMap.newKeySet();
        unique.values().stream().filter(a -> a.type().equals("DEAL_CANCELLED")).forEach(a -> cancelled.add(a.dealId()));
        Map<Key, Figures> figures = new TreeMap<>();
        for (Activity activity : unique.values()) {
            Key key = new Key(activity.repId(), activity.period());
            Figures now = figures.getOrDefault(key, Figures.NONE);
            if (activity.type().equals("DEAL_CLOSED") && !cancelled.contains(activity.dealId())) {
                figures.put(key, new Figures(now.revenue().add(activity.amount()), now.deals() + 1, now.calls()));
            } else if (activity.type().equals("FOLLOW_UP_LOGGED")) {
                figures.put(key, new Figures(now.revenue(), now.deals(), now.calls() + 1));
            } else {
                figures.putIfAbsent(key, now);
            }
        }
        return figures;
    }

    record Key(String repId, YearMonth period) implements Comparable<Key> {
        @Override
        public int compareTo(Key other) {
            int byRep = repId.compareTo(other.repId);
            return byRep != 0 ? byRep : period.compareTo(other.period);
        }
    }

    record Figures(BigDecimal revenue, long deals, long calls) {
        static final Figures NONE = new Figures(BigDecimal.ZERO.setScale(2), 0, 0);

        /** The plan's awards for these figures. */
        BigDecimal awards() {
            return new BigDecimal(PER_DEAL).multiply(BigDecimal.valueOf(deals))
                    .add(revenue.multiply(COMMISSION_RATE).setScale(2, RoundingMode.HALF_UP));
        }
    }
}
