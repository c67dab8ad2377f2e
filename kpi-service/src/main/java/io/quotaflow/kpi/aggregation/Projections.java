package io.quotaflow.kpi.aggregation;

import io.quotaflow.kpi.aggregation.domain.Attributor;
import io.quotaflow.kpi.aggregation.domain.Contributions;
import io.quotaflow.kpi.attainment.AttainmentSignals;
import io.quotaflow.kpi.attainment.domain.Thresholds;
import io.quotaflow.kpi.calendar.BusinessCalendar;
import io.quotaflow.kpi.customers.domain.IntentPolicy;
import io.quotaflow.kpi.customers.domain.TierPolicy;
import io.quotaflow.kpi.org.Org;

import java.math.BigDecimal;

/**
 * kpi-service's three projections, built from its settings: activities into figures, targets into targets in force,
 * customer deals into customer figures and tiers.
 *
 * @param progressStep attainment step between coalesced {@code AttainmentChanged} updates (0.05 = 5 points; 0 or less:
 *                     crossings only)
 */
public record Projections(BusinessCalendar calendar, Org org, Thresholds thresholds, BigDecimal progressStep,
                          TierPolicy tiers, IntentPolicy intent, String reportingCurrency) {

    public AttainmentSignals signals() {
        return new AttainmentSignals(thresholds, progressStep, calendar, reportingCurrency);
    }

    public ActivityProjection activities() {
        return new ActivityProjection(new Contributions(new Attributor(org), calendar), signals(), intent);
    }

    public TargetProjection targets() {
        return new TargetProjection(signals());
    }

    public CustomerProjection customers() {
        return new CustomerProjection(calendar, tiers, signals());
    }
}
