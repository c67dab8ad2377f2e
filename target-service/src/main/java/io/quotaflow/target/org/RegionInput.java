package io.quotaflow.target.org;

import io.quotaflow.platform.csv.CsvRow;
import io.quotaflow.target.decomposition.MarketType;

import java.math.BigDecimal;
import java.util.List;

/** A region as an admin sends it. */
public record RegionInput(String name, MarketType marketType, BigDecimal growthRate) implements OrgInput<Region> {

    static final List<String> COLUMNS = List.of("name", "marketType", "growthRate");
    static final List<String> OPTIONAL_COLUMNS = List.of();

    static RegionInput from(CsvRow row) {
        return new RegionInput(row.text("name"), row.constant("marketType", MarketType.class),
                row.decimal("growthRate"));
    }

    @Override
    public Region withId(String id) {
        return new Region(id, name, marketType, growthRate);
    }
}
