package io.quotaflow.kpi.aggregation.domain;

import io.quotaflow.kpi.org.Org;

import java.time.LocalDate;

/**
 * Attributes a rep's fact of a day to the team the rep was on that day and that team's region (from the sales org).
 * A rep the org does not place on a team that day is credited to no team; the region then comes from the event
 * itself when it names one.
 */
public final class Attributor {

    private final Org org;

    public Attributor(Org org) {
        this.org = org;
    }

    public Attribution of(String rep, LocalDate day, String eventRegion) {
        String team = org.teamOf(rep, day).orElse(null);
        String region = team == null ? null : org.regionOf(team).orElse(null);
        return new Attribution(rep, team, region != null ? region : blankToNull(eventRegion));
    }

    public Org org() {
        return org;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
