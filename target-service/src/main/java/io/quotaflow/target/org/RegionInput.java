package io.quotaflow.target.org;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.quotaflow.platform.csv.CsvRow;
import io.quotaflow.target.decomposition.MarketType;

import java.math.BigDecimal;
import java.util.List;

/**
 * A region as an admin sends it. An unknown {@code marketType} is refused rather than read as none, which is
 * what the services' JSON does with unknown constants for the sake of older event consumers.
 */
public record RegionInput(String name,
                          @JsonFormat(without = JsonFormat.Feature.READ_UNKNOWN_ENUM_VALUES_AS_NULL)
                          MarketType marketType,
                          BigDecimal growthRate) implements OrgInput<Region> {

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
