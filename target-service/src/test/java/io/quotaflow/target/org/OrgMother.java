package io.quotaflow.target.org;

import java.util.UUID;

/**
 * Valid org entities as an admin sends them. Every test works under ids of its own, since all integration
 * tests share one database.
 */
final class OrgMother {

    private OrgMother() {
    }

    /** An id no other test uses, e.g. {@code rep-3f9a1c2e}. */
    static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static Body region() {
        return Body.of("name", "East China", "marketType", "MATURE", "growthRate", 0.05);
    }

    static Body productLine() {
        return Body.of("name", "Cloud Storage", "grossMargin", 0.42, "strategicPriority", 3);
    }

    static Body team(String regionId) {
        return Body.of("name", "East Enterprise", "regionId", regionId, "managerId", "alice");
    }

    static Body rep(String teamId) {
        return Body.of("name", "Li Wei", "teamId", teamId, "hiredOn", "2026-01-15", "capacity", 1.0);
    }
}
