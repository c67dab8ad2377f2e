package io.quotaflow.incentive.domain;

import io.quotaflow.events.TargetMetric;

import java.util.Set;

/** At least {@code count} of an activity metric in the period before a rep is paid. */
public record MinimumActivity(TargetMetric metric, long count) {

    /** The metrics that count activity. */
    public static final Set<TargetMetric> METRICS =
            Set.of(TargetMetric.CALLS, TargetMetric.VISITS, TargetMetric.FOLLOW_UPS, TargetMetric.DEALS);

    public boolean metBy(long done) {
        return done >= count;
    }
}
