package io.quotaflow.target.decomposition;

import java.math.BigDecimal;

/**
 * A product line as the decomposition sees it.
 *
 * @param grossMargin       gross margin of the line, for example {@code 0.42}; zero or more
 * @param strategicPriority how much the company wants to push the line, from 1 (least) to 5 (most)
 */
public record ProductLineInfo(String id, BigDecimal grossMargin, int strategicPriority) {
}
