package io.quotaflow.target.org;

/** Valid import files, one row per id given; tests add the rows they are about. */
final class CsvMother {

    private CsvMother() {
    }

    static Csv regions(String... ids) {
        Csv csv = Csv.withHeader("id", "name", "marketType", "growthRate");
        for (String id : ids) {
            csv.row(id, "Region " + id, "EMERGING", "0.12");
        }
        return csv;
    }

    static Csv productLines(String... ids) {
        Csv csv = Csv.withHeader("id", "name", "grossMargin", "strategicPriority");
        for (String id : ids) {
            csv.row(id, "Line " + id, "0.35", "4");
        }
        return csv;
    }

    static Csv teams(String regionId, String... ids) {
        Csv csv = Csv.withHeader("id", "name", "regionId", "managerId");
        for (String id : ids) {
            csv.row(id, "Team " + id, regionId, "manager-of-" + id);
        }
        return csv;
    }

    static Csv reps(String teamId, String... ids) {
        Csv csv = Csv.withHeader("id", "name", "teamId", "hiredOn", "capacity", "leftOn");
        for (String id : ids) {
            csv.row(id, "Rep " + id, teamId, "2026-01-15", "0.8", null);
        }
        return csv;
    }

    /** {@code count} reps, {@code <prefix>-1} to {@code <prefix>-<count>}. */
    static Csv reps(String teamId, String prefix, int count) {
        Csv csv = reps(teamId);
        for (int i = 1; i <= count; i++) {
            csv.row(prefix + "-" + i, "Rep " + i, teamId, "2026-01-15", "1", null);
        }
        return csv;
    }

    /** A well-formed regions file of more than {@code bytes}. */
    static Csv regionsLargerThan(long bytes) {
        Csv csv = regions();
        for (int i = 1; csv.size() <= bytes; i++) {
            csv.row("r-" + i, "A region with a long name to fill the file quickly " + i, "MATURE", "0.05");
        }
        return csv;
    }
}
