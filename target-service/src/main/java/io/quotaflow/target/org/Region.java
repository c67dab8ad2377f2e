package io.quotaflow.target.org;

import io.quotaflow.target.decomposition.MarketType;

import java.math.BigDecimal;

/**
 * A sales region or segment. Emerging markets usually carry a higher {@code growthRate} and so, under the
 * GROWTH allocation, a larger share of growth.
 *
 * @param growthRate the expected growth over last period's actuals, e.g. {@code 0.05} for 5 %
 */
public record Region(String id, String name, MarketType marketType, BigDecimal growthRate) {
}
