package io.quotaflow.kpi.aggregation.domain;

import io.quotaflow.events.activity.LeadChannel;
import io.quotaflow.kpi.calendar.BusinessCalendar;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Everything known of one deal, whatever order its events came in: the win, a cancellation, payments, its first
 * pipeline stage. What the deal adds to the figures is a function of these facts alone ({@link #rows}), so applying
 * its events in any order, each once, ends with the same figures: when an event changes the facts, the figures
 * change by {@code rows(after) - rows(before)}.
 *
 * <ul>
 *   <li>A deal <b>counts</b> while it is won and not cancelled: its revenue, margin, the deal itself and its sales
 *       cycle on the day it was won; its amount falling due on its due date (the day it was won when it has none);
 *       each payment on the day it was collected.</li>
 *   <li>A cancellation, even one that arrives before the win, takes all of that back, on the days it counted.</li>
 *   <li>A payment that arrives before its deal is kept and counts once the deal is won.</li>
 *   <li>Its first stage change makes it an opportunity on that day, whatever became of it.</li>
 *   <li>Of two wins of one deal (a correction), the later one ({@code occurredAt}, then event id) holds.</li>
 * </ul>
 *
 * @param customerSequence how many times what the deal means for its customer has changed (see
 *                         {@link #customerView()})
 */
public record DealFacts(String dealId, Won won, Cancellation cancellation, Map<String, Payment> payments,
                        Pipeline pipeline, long customerSequence) {

    public DealFacts {
        Objects.requireNonNull(dealId, "dealId");
        payments = payments == null ? Map.of() : Map.copyOf(payments);
    }

    public static DealFacts none(String dealId) {
        return new DealFacts(dealId, null, null, Map.of(), null, 0);
    }

    /** The deal was won. */
    public record Won(UUID eventId, Instant at, String customer, BigDecimal amount, BigDecimal margin,
                      String productLine, LeadChannel channel, String promotion, Instant opportunityCreatedAt,
                      LocalDate dueDate, Attribution by) {
        boolean laterThan(Won other) {
            int byTime = at.compareTo(other.at);
            return byTime != 0 ? byTime > 0 : eventId.compareTo(other.eventId) > 0;
        }
    }

    /** The won deal was cancelled. */
    public record Cancellation(UUID eventId, Instant at) {
    }

    /** Money collected against the deal. */
    public record Payment(UUID eventId, Instant at, BigDecimal amount, Attribution by) {
    }

    /** The deal's first stage change, and the earliest opportunity creation any stage change reported. */
    public record Pipeline(Instant firstAt, Instant createdAt, Attribution by) {
    }

    /** What the deal means for its customer: whether it counts, and the facts the customer's figures need. */
    public record CustomerView(String customer, boolean counted, Instant at, BigDecimal amount, String productLine,
                               LeadChannel channel, String promotion, Attribution by) {
    }

    // ---- changes --------------------------------------------------------------------------------------------

    public DealFacts withWon(Won candidate) {
        if (won != null && !candidate.laterThan(won)) {
            return this;
        }
        return new DealFacts(dealId, candidate, cancellation, payments, pipeline, customerSequence);
    }

    public DealFacts withCancellation(Cancellation candidate) {
        if (cancellation != null && (cancellation.at().isBefore(candidate.at())
                || (cancellation.at().equals(candidate.at()) && cancellation.eventId().compareTo(candidate.eventId()) <= 0))) {
            return this;
        }
        return new DealFacts(dealId, won, candidate, payments, pipeline, customerSequence);
    }

    public DealFacts withPayment(Payment payment) {
        String key = payment.eventId().toString();
        if (payments.containsKey(key)) {
            return this;
        }
        Map<String, Payment> more = new TreeMap<>(payments);
        more.put(key, payment);
        return new DealFacts(dealId, won, cancellation, more, pipeline, customerSequence);
    }

    /**
     * A stage change at {@code at}; {@code by} attributes it when it is the first one known.
     */
    public DealFacts withStage(Instant at, Instant createdAt, java.util.function.Supplier<Attribution> by) {
        Instant created = pipeline == null ? createdAt : earliest(pipeline.createdAt(), createdAt);
        boolean first = pipeline == null || at.isBefore(pipeline.firstAt());
        Pipeline next = first ? new Pipeline(at, created, by.get()) : new Pipeline(pipeline.firstAt(), created, pipeline.by());
        if (next.equals(pipeline)) {
            return this;
        }
        return new DealFacts(dealId, won, cancellation, payments, next, customerSequence);
    }

    public DealFacts withCustomerSequence(long sequence) {
        return new DealFacts(dealId, won, cancellation, payments, pipeline, sequence);
    }

    // ---- what the deal adds up to -----------------------------------------------------------------------------

    /** Won and not cancelled. */
    public boolean counts() {
        return won != null && cancellation == null;
    }

    /** What the deal adds to the figures now. */
    public List<Row> rows(BusinessCalendar calendar) {
        List<Row> rows = new ArrayList<>();
        if (pipeline != null) {
            rows.add(Row.of(calendar.day(pipeline.firstAt()), pipeline.by(), null, null, null, Measure.OPPORTUNITIES,
                    BigDecimal.ONE));
        }
        if (counts()) {
            rows.addAll(wonRows(calendar, won));
        }
        return rows;
    }

    /**
     * Every row the deal could add were it won (with {@code won} as known), whatever it adds now: where a change
     * of the deal may move figures.
     */
    public List<Row> potentialRows(BusinessCalendar calendar) {
        List<Row> rows = new ArrayList<>();
        if (pipeline != null) {
            rows.add(Row.of(calendar.day(pipeline.firstAt()), pipeline.by(), null, null, null, Measure.OPPORTUNITIES,
                    BigDecimal.ONE));
        }
        if (won != null) {
            rows.addAll(wonRows(calendar, won));
        } else {
            payments.values().forEach(payment -> rows.add(Row.of(calendar.day(payment.at()), payment.by(), null, null,
                    null, Measure.COLLECTIONS, payment.amount())));
        }
        return rows;
    }

    private List<Row> wonRows(BusinessCalendar calendar, Won won) {
        List<Row> rows = new ArrayList<>();
        LocalDate day = calendar.day(won.at());
        Map<Measure, BigDecimal> values = new EnumMap<>(Measure.class);
        values.put(Measure.REVENUE, won.amount());
        values.put(Measure.DEALS, BigDecimal.ONE);
        if (won.margin() != null) {
            values.put(Measure.GROSS_MARGIN, won.margin());
        }
        Instant created = won.opportunityCreatedAt() != null ? won.opportunityCreatedAt()
                : pipeline == null ? null : pipeline.createdAt();
        if (created != null && !created.isAfter(won.at())) {
            values.put(Measure.CYCLE_SECONDS, BigDecimal.valueOf(Duration.between(created, won.at()).toSeconds()));
            values.put(Measure.CYCLE_DEALS, BigDecimal.ONE);
        }
        Attribution by = won.by();
        rows.add(new Row(day, by.rep(), by.team(), by.region(), won.productLine(), won.channel(), won.promotion(),
                values));
        rows.add(Row.of(won.dueDate() != null ? won.dueDate() : day, by, won.productLine(), null, null, Measure.DUE,
                won.amount()));
        payments.values().stream().sorted(Comparator.comparing(Payment::at).thenComparing(Payment::eventId))
                .forEach(payment -> rows.add(Row.of(calendar.day(payment.at()), payment.by(), won.productLine(), null,
                        null, Measure.COLLECTIONS, payment.amount())));
        return rows;
    }

    /** What the deal means for its customer, or {@code null} when it is not known to be won by a known customer. */
    public CustomerView customerView() {
        if (won == null || won.customer() == null) {
            return null;
        }
        return new CustomerView(won.customer(), counts(), won.at(), won.amount(), won.productLine(), won.channel(),
                won.promotion(), won.by());
    }

    /**
     * Whether the customer must hear of this change: a deal that starts or stops counting, or a counting deal whose
     * facts changed. A deal that does not count tells its customer nothing new.
     */
    public static boolean customerMustHear(CustomerView before, CustomerView after) {
        boolean countedBefore = before != null && before.counted();
        boolean countedAfter = after != null && after.counted();
        if (!countedBefore && !countedAfter) {
            return false;
        }
        return !Objects.equals(before, after);
    }

    private static Instant earliest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }
}
