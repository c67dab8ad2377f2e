package io.quotaflow.target.org;

import java.math.BigDecimal;

/**
 * A product line. Under the MARGIN_PRIORITY allocation its share of a target grows with
 * {@code grossMargin × strategicPriority}.
 *
 * @param grossMargin       the line's gross margin ratio, 0..1
 * @param strategicPriority 1 (lowest) to 5 (highest)
 */
public record ProductLine(String id, String name, BigDecimal grossMargin, int strategicPriority) {
}
