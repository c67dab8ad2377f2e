package io.quotaflow.target.decomposition;

import java.util.Comparator;
import java.util.List;

/**
 * The sales organisation as it stands for the period being planned. Missing lists mean empty ones.
 */
public record OrgSnapshot(
        List<ProductLineInfo> productLines,
        List<RegionInfo> regions,
        List<TeamInfo> teams,
        List<RepInfo> reps) {

    public OrgSnapshot {
        productLines = productLines == null ? List.of() : List.copyOf(productLines);
        regions = regions == null ? List.of() : List.copyOf(regions);
        teams = teams == null ? List.of() : List.copyOf(teams);
        reps = reps == null ? List.of() : List.copyOf(reps);
    }

    /** The teams of a region, by id. */
    public List<TeamInfo> teamsIn(String regionId) {
        return teams.stream()
                .filter(team -> team.regionId().equals(regionId))
                .sorted(Comparator.comparing(TeamInfo::id))
                .toList();
    }

    /** The reps of a team, by id. */
    public List<RepInfo> repsIn(String teamId) {
        return reps.stream()
                .filter(rep -> rep.teamId().equals(teamId))
                .sorted(Comparator.comparing(RepInfo::id))
                .toList();
    }
}
