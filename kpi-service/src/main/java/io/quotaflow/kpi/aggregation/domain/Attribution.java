package io.quotaflow.kpi.aggregation.domain;

import java.util.Objects;

/**
 * Who a fact is credited to: the rep, and the team and region the rep was on that day (from the sales org, as known
 * when the fact was first counted). Team and region are {@code null} when the org does not know them.
 */
public record Attribution(String rep, String team, String region) {

    public Attribution {
        Objects.requireNonNull(rep, "rep");
    }
}
