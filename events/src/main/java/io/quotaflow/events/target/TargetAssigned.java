package io.quotaflow.events.target;

import io.quotaflow.events.EntityRef;
import io.quotaflow.events.TargetMetric;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/**
 * An approved plan assigned a monthly target to one responsible entity (one event per node and metric).
 *
 * @param parent    the node this one was decomposed from; {@code null} for the company
 * @param teamId    for a rep, the rep's team at approval time (lets consumers roll reps up to teams)
 * @param regionId  for a team or rep, its region
 * @param monthly   the target; {@code base} and {@code challenge} are its lower and stretch levels
 * @param currency  ISO-4217 code for money metrics, {@code null} for counts
 * @param weekly    ISO weeks clipped to the month; they sum exactly to {@code monthly}
 * @param daily     working days; they sum exactly to {@code monthly}
 */
public record TargetAssigned(
        String planId,
        int planVersion,
        YearMonth period,
        TargetMetric metric,
        EntityRef entity,
        EntityRef parent,
        String teamId,
        String regionId,
        BigDecimal monthly,
        BigDecimal base,
        BigDecimal challenge,
        String currency,
        List<WeeklyTarget> weekly,
        List<DailyTarget> daily) implements TargetEvent {

    public TargetAssigned {
        weekly = weekly == null ? List.of() : List.copyOf(weekly);
        daily = daily == null ? List.of() : List.copyOf(daily);
    }
}
