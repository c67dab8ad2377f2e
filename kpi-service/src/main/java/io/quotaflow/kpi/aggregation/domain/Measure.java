package io.quotaflow.kpi.aggregation.domain;

import io.quotaflow.events.TargetMetric;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What kpi-service adds up, per scope and day. Every target metric has its measure; the others feed the rates
 * (conversion, average deal size, sales cycle, collection rate) and the funnel. Money is in the reporting currency;
 * the other measures are counts.
 */
public enum Measure {
    REVENUE("rev", true, TargetMetric.REVENUE),
    GROSS_MARGIN("gm", true, TargetMetric.GROSS_MARGIN),
    COLLECTIONS("col", true, TargetMetric.COLLECTIONS),
    /** Amounts of won deals falling due that day (for the collection rate). */
    DUE("due", true, null),
    DEALS("deals", false, TargetMetric.DEALS),
    NEW_CUSTOMERS("newc", false, TargetMetric.NEW_CUSTOMERS),
    CALLS("calls", false, TargetMetric.CALLS),
    VISITS("visits", false, TargetMetric.VISITS),
    /** Every follow-up, whatever its channel (calls and visits included). */
    FOLLOW_UPS("fu", false, TargetMetric.FOLLOW_UPS),
    LEADS("leads", false, null),
    QUALIFIED_LEADS("ql", false, TargetMetric.QUALIFIED_LEADS),
    /** Deals that reached the pipeline (their first stage change), on the day they did. */
    OPPORTUNITIES("opp", false, null),
    /** Seconds from opportunity creation to the win, summed over the won deals whose creation is known. */
    CYCLE_SECONDS("cycs", false, null),
    /** How many won deals {@link #CYCLE_SECONDS} adds up. */
    CYCLE_DEALS("cycn", false, null),
    ENGAGEMENTS("eng", false, null);

    private static final Map<String, Measure> BY_CODE =
            Arrays.stream(values()).collect(Collectors.toMap(Measure::code, Function.identity()));

    private final String code;
    private final boolean money;
    private final TargetMetric metric;

    Measure(String code, boolean money, TargetMetric metric) {
        this.code = code;
        this.money = money;
        this.metric = metric;
    }

    /** The short name used in document paths ({@code d.07.rev}). */
    public String code() {
        return code;
    }

    public boolean isMoney() {
        return money;
    }

    /** The target metric this measure is the actual of, if any. */
    public Optional<TargetMetric> metric() {
        return Optional.ofNullable(metric);
    }

    public static Optional<Measure> ofCode(String code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }

    public static Measure of(TargetMetric metric) {
        return Arrays.stream(values()).filter(measure -> measure.metric == metric).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no measure for " + metric));
    }
}
