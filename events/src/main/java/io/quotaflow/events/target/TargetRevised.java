package io.quotaflow.events.target;

import io.quotaflow.events.EntityRef;
import io.quotaflow.events.TargetMetric;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * A revision replaced the target of one node from {@code effectiveFrom} on. Days before it keep their
 * amounts; {@code weekly} and {@code daily} are the node's whole new breakdown for the month.
 */
public record TargetRevised(
        String planId,
        int planVersion,
        int previousVersion,
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
        List<DailyTarget> daily,
        BigDecimal previousMonthly,
        LocalDate effectiveFrom,
        String reason) implements TargetEvent {

    public TargetRevised {
        weekly = weekly == null ? List.of() : List.copyOf(weekly);
        daily = daily == null ? List.of() : List.copyOf(daily);
    }
}
