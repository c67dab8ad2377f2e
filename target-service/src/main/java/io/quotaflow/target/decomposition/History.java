package io.quotaflow.target.decomposition;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Actuals of the prior period, by id, for the allocations that weigh by history. Any map may be
 * empty; missing maps mean empty ones. Ids that are not in the org are ignored.
 */
public record History(
        Map<String, BigDecimal> productLines,
        Map<String, BigDecimal> regions,
        Map<String, BigDecimal> teams,
        Map<String, BigDecimal> reps) {

    public static final History NONE = new History(Map.of(), Map.of(), Map.of(), Map.of());

    public History {
        productLines = productLines == null ? Map.of() : Map.copyOf(productLines);
        regions = regions == null ? Map.of() : Map.copyOf(regions);
        teams = teams == null ? Map.of() : Map.copyOf(teams);
        reps = reps == null ? Map.of() : Map.copyOf(reps);
    }
}
