package io.quotaflow.target.decomposition;

import java.math.BigDecimal;

/**
 * A sales region.
 *
 * @param growthRate expected growth over the prior period, for example {@code 0.15} for 15 %;
 *                   may be negative but must be more than -1
 */
public record RegionInfo(String id, MarketType marketType, BigDecimal growthRate) {
}
