package io.quotaflow.events.org;

import java.math.BigDecimal;

/** A product line was created or changed. */
public record ProductLineChanged(String productLineId, String name, BigDecimal grossMargin, Integer strategicPriority,
                                 long revision) implements OrgEvent {

    @Override
    public String entityKey() {
        return "PRODUCT_LINE:" + productLineId;
    }
}
