package io.quotaflow.events.kpi;

import io.quotaflow.events.EntityRef;
import io.quotaflow.events.TargetMetric;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/**
 * The actual of one metric for one scope (rep, team, company) changed in a period.
 *
 * @param attainment    actual / target (e.g. 0.812); {@code null} when there is no target
 * @param pace          actual / expected-to-date; {@code null} when nothing was expected yet
 * @param level         the highest level reached; {@code previousLevel} the one before this change
 * @param causedBy      ids of the events that moved the actual (for audit and award traceability)
 * @param crossed       the threshold this event announces crossing ({@code "BASE"}, {@code "TARGET"},
 *                      {@code "CHALLENGE"} or a ratio of the target such as {@code "0.5"}); {@code null} for a
 *                      progress update that crossed nothing
 * @param direction     {@link Direction#UP} when the actual reached the threshold, {@link Direction#DOWN} when it
 *                      fell back below it (a cancellation, a raised target); {@code null} with {@code crossed}
 */
public record AttainmentChanged(
        EntityRef scope,
        YearMonth period,
        TargetMetric metric,
        BigDecimal actual,
        BigDecimal target,
        BigDecimal base,
        BigDecimal challenge,
        String currency,
        Double attainment,
        Double pace,
        AttainmentLevel level,
        AttainmentLevel previousLevel,
        Instant asOf,
        List<UUID> causedBy,
        String crossed,
        Direction direction) implements KpiEvent {

    public AttainmentChanged {
        causedBy = causedBy == null ? List.of() : List.copyOf(causedBy);
    }

    /** A progress update that announces no crossing. */
    public AttainmentChanged(EntityRef scope, YearMonth period, TargetMetric metric, BigDecimal actual,
                             BigDecimal target, BigDecimal base, BigDecimal challenge, String currency,
                             Double attainment, Double pace, AttainmentLevel level, AttainmentLevel previousLevel,
                             Instant asOf, List<UUID> causedBy) {
        this(scope, period, metric, actual, target, base, challenge, currency, attainment, pace, level, previousLevel,
                asOf, causedBy, null, null);
    }

    @Override
    public String subject() {
        return scope.key();
    }

    /** Which way a threshold was crossed. */
    public enum Direction {
        UP, DOWN
    }
}
