package io.quotaflow.target.org;

import io.quotaflow.platform.csv.CsvRow;

import java.util.List;

/** A team as an admin sends it; {@code managerId} may be left out. */
public record TeamInput(String name, String regionId, String managerId) implements OrgInput<Team> {

    static final List<String> COLUMNS = List.of("name", "regionId");
    static final List<String> OPTIONAL_COLUMNS = List.of("managerId");

    static TeamInput from(CsvRow row) {
        return new TeamInput(row.text("name"), row.text("regionId"), row.text("managerId"));
    }

    @Override
    public Team withId(String id) {
        return new Team(id, name, regionId, managerId);
    }
}
