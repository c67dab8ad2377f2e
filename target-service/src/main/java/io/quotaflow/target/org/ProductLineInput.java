package io.quotaflow.target.org;

import java.math.BigDecimal;

/** A product line as an admin sends it. */
public record ProductLineInput(String name, BigDecimal grossMargin, Integer strategicPriority)
        implements OrgInput<ProductLine> {

    @Override
    public ProductLine withId(String id) {
        return new ProductLine(id, name, grossMargin, strategicPriority);
    }
}
