package io.quotaflow.target.decomposition;

/**
 * How developed a region's market is. Descriptive: what a region's share depends on is its
 * {@linkplain RegionInfo#growthRate() growth rate}, which for emerging markets is typically higher.
 */
public enum MarketType {
    MATURE,
    EMERGING
}
