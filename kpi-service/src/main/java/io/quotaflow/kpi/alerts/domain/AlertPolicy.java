package io.quotaflow.kpi.alerts.domain;

import java.math.BigDecimal;

/**
 * When alerts are raised (defaults in brackets):
 *
 * @param conversionDrop    conversion (deals won / leads) of the last 7 days this much below that of the 4 weeks
 *                          before them [0.20]
 * @param minLeads          leads the last 7 days need for conversion to be judged; the 4 weeks before need four
 *                          times as many [5]
 * @param activityDrop      follow-ups of the last 7 days this much below the weekly average of the 4 weeks before
 *                          [0.50]
 * @param minWeeklyActivity the weekly average of follow-ups below which activity is not judged [10]
 * @param paceMargin        behind pace when pace is below 1 minus this margin [0.20]; CRITICAL below 1 minus twice it
 * @param paceAfterDays     pace is judged only after this many days of the month [7]
 * @param collectionRate    collections lag when collected / due (both month to date) is below this [0.70]
 */
public record AlertPolicy(BigDecimal conversionDrop, long minLeads, BigDecimal activityDrop, long minWeeklyActivity,
                          BigDecimal paceMargin, int paceAfterDays, BigDecimal collectionRate) {

    public static AlertPolicy defaults() {
        return new AlertPolicy(new BigDecimal("0.20"), 5, new BigDecimal("0.50"), 10, new BigDecimal("0.20"), 7,
                new BigDecimal("0.70"));
    }
}
