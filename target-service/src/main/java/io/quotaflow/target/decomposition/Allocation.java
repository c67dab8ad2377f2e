package io.quotaflow.target.decomposition;

import java.util.Objects;

/**
 * How each dimension shares out its parent's target. Missing methods mean the defaults:
 * {@link ProductLineMethod#MARGIN_PRIORITY}, {@link RegionMethod#GROWTH} and {@link RepMethod#CAPACITY}.
 *
 * @param productLines how the company target is shared among product lines
 * @param regions      how the company target is shared among regions
 * @param reps         how a region's target is shared among its teams, and a team's among its reps
 */
public record Allocation(ProductLineMethod productLines, RegionMethod regions, RepMethod reps) {

    public static final Allocation DEFAULT =
            new Allocation(ProductLineMethod.MARGIN_PRIORITY, RegionMethod.GROWTH, RepMethod.CAPACITY);

    public Allocation {
        productLines = Objects.requireNonNullElse(productLines, ProductLineMethod.MARGIN_PRIORITY);
        regions = Objects.requireNonNullElse(regions, RegionMethod.GROWTH);
        reps = Objects.requireNonNullElse(reps, RepMethod.CAPACITY);
    }

    public Allocation withProductLines(ProductLineMethod method) {
        return new Allocation(method, regions, reps);
    }

    public Allocation withRegions(RegionMethod method) {
        return new Allocation(productLines, method, reps);
    }

    public Allocation withReps(RepMethod method) {
        return new Allocation(productLines, regions, method);
    }

    public enum ProductLineMethod {
        /** Weight = gross margin × strategic priority: profitable lines the company pushes get more. */
        MARGIN_PRIORITY,
        /** Weight = the line's actual in the prior period; lines without history get nothing. */
        HISTORY,
        /** Every line gets the same weight. */
        EVEN
    }

    public enum RegionMethod {
        /**
         * Weight = prior actual × (1 + growth rate); a region without a prior actual is weighed by
         * the effective capacity of its reps × (1 + growth rate) instead.
         */
        GROWTH,
        /** Weight = the region's actual in the prior period; regions without history get nothing. */
        HISTORY,
        /** Every region gets the same weight. */
        EVEN
    }

    public enum RepMethod {
        /** Weight = effective (ramped) capacity of the rep; of a team, that of all its reps. */
        CAPACITY,
        /** Weight = the team's or rep's actual in the prior period; those without history get nothing. */
        HISTORY,
        /** Every team of a region, and every rep of a team, gets the same weight. */
        EVEN
    }
}
