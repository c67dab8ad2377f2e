package io.quotaflow.events.org;

import java.math.BigDecimal;

/** A region (or market segment) was created or changed. {@code marketType}: {@code MATURE} or {@code EMERGING}. */
public record RegionChanged(String regionId, String name, String marketType, BigDecimal growthRate, long revision)
        implements OrgEvent {

    @Override
    public String entityKey() {
        return "REGION:" + regionId;
    }
}
