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
        List<UUID> causedBy) implements KpiEvent {

    public AttainmentChanged {
        causedBy = causedBy == null ? List.of() : List.copyOf(causedBy);
    }

    @Override
    public String subject() {
        return scope.key();
    }
}
