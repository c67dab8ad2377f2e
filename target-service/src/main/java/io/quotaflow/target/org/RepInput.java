package io.quotaflow.target.org;

import io.quotaflow.platform.csv.CsvRow;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A rep as an admin sends it. {@code capacity} may be left out for a full-time rep (1.0), and {@code leftOn}
 * while they are still with the company.
 */
public record RepInput(String name, String teamId, LocalDate hiredOn, BigDecimal capacity, LocalDate leftOn)
        implements OrgInput<Rep> {

    static final BigDecimal FULL_TIME = new BigDecimal("1.0");

    static final List<String> COLUMNS = List.of("name", "teamId", "hiredOn");
    static final List<String> OPTIONAL_COLUMNS = List.of("capacity", "leftOn");

    static RepInput from(CsvRow row) {
        return new RepInput(row.text("name"), row.text("teamId"), row.date("hiredOn"), row.decimal("capacity"),
                row.date("leftOn"));
    }

    @Override
    public Rep withId(String id) {
        return new Rep(id, name, teamId, hiredOn, capacity == null ? FULL_TIME : capacity, leftOn);
    }
}
