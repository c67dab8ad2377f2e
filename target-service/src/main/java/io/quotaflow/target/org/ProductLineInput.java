package io.quotaflow.target.org;

import io.quotaflow.platform.csv.CsvRow;

import java.math.BigDecimal;
import java.util.List;

/** A product line as an admin sends it. */
public record ProductLineInput(String name, BigDecimal grossMargin, Integer strategicPriority)
        implements OrgInput<ProductLine> {

    static final List<String> COLUMNS = List.of("name", "grossMargin", "strategicPriority");
    static final List<String> OPTIONAL_COLUMNS = List.of();

    static ProductLineInput from(CsvRow row) {
        return new ProductLineInput(row.text("name"), row.decimal("grossMargin"), row.integer("strategicPriority"));
    }

    @Override
    public ProductLine withId(String id) {
        return new ProductLine(id, name, grossMargin, strategicPriority);
    }
}
