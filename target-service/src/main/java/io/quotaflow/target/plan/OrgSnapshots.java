package io.quotaflow.target.plan;

import io.quotaflow.target.decomposition.EntityType;
import io.quotaflow.target.decomposition.NodeKey;
import io.quotaflow.target.decomposition.OrgSnapshot;
import io.quotaflow.target.decomposition.ProductLineInfo;
import io.quotaflow.target.decomposition.RegionInfo;
import io.quotaflow.target.decomposition.RepInfo;
import io.quotaflow.target.decomposition.TeamInfo;
import io.quotaflow.target.org.SalesOrg;
import org.springframework.stereotype.Component;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;

/** The sales org as the decomposition engine sees it, and the names of its entities for display. */
@Component
class OrgSnapshots {

    private final SalesOrg org;

    OrgSnapshots(SalesOrg org) {
        this.org = org;
    }

    /** Product lines, regions, teams, and the reps with the company during {@code period}. */
    OrgSnapshot snapshot(YearMonth period) {
        return new OrgSnapshot(
                org.productLines().stream()
                        .map(line -> new ProductLineInfo(line.id(), line.grossMargin(), line.strategicPriority()))
                        .toList(),
                org.regions().stream()
                        .map(region -> new RegionInfo(region.id(), region.marketType(), region.growthRate()))
                        .toList(),
                org.teams().stream().map(team -> new TeamInfo(team.id(), team.regionId())).toList(),
                org.reps().stream()
                        .filter(rep -> rep.isActiveIn(period))
                        .map(rep -> new RepInfo(rep.id(), rep.teamId(), rep.hiredOn(), rep.capacity()))
                        .toList());
    }

    Map<NodeKey, String> names() {
        Map<NodeKey, String> names = new HashMap<>();
        names.put(NodeKey.COMPANY, "Company");
        org.productLines().forEach(line -> names.put(new NodeKey(EntityType.PRODUCT_LINE, line.id()), line.name()));
        org.regions().forEach(region -> names.put(new NodeKey(EntityType.REGION, region.id()), region.name()));
        org.teams().forEach(team -> names.put(new NodeKey(EntityType.TEAM, team.id()), team.name()));
        org.reps().forEach(rep -> names.put(new NodeKey(EntityType.REP, rep.id()), rep.name()));
        return names;
    }
}
