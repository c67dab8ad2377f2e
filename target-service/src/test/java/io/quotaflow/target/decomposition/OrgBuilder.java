package io.quotaflow.target.decomposition;

import static io.quotaflow.target.decomposition.Decimals.decimal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Builds org snapshots for tests, one entity per call. */
final class OrgBuilder {

    /** Hired long before any period the tests plan, so fully ramped up. */
    static final LocalDate VETERAN = LocalDate.of(2020, 1, 6);

    private final List<ProductLineInfo> productLines = new ArrayList<>();
    private final List<RegionInfo> regions = new ArrayList<>();
    private final List<TeamInfo> teams = new ArrayList<>();
    private final List<RepInfo> reps = new ArrayList<>();

    static OrgBuilder anOrg() {
        return new OrgBuilder();
    }

    OrgBuilder productLine(String id, String grossMargin, int strategicPriority) {
        productLines.add(new ProductLineInfo(id, decimal(grossMargin), strategicPriority));
        return this;
    }

    OrgBuilder region(String id, MarketType marketType, String growthRate) {
        regions.add(new RegionInfo(id, marketType, decimal(growthRate)));
        return this;
    }

    OrgBuilder team(String id, String regionId) {
        teams.add(new TeamInfo(id, regionId));
        return this;
    }

    OrgBuilder rep(String id, String teamId, String capacity) {
        return rep(id, teamId, VETERAN, capacity);
    }

    OrgBuilder rep(String id, String teamId, LocalDate hiredOn, String capacity) {
        reps.add(new RepInfo(id, teamId, hiredOn, decimal(capacity)));
        return this;
    }

    OrgSnapshot build() {
        return new OrgSnapshot(productLines, regions, teams, reps);
    }
}
