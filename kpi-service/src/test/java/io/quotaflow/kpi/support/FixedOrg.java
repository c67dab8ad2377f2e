package io.quotaflow.kpi.support;

import io.quotaflow.events.org.ProductLineChanged;
import io.quotaflow.events.org.RegionChanged;
import io.quotaflow.events.org.RepChanged;
import io.quotaflow.events.org.TeamChanged;
import io.quotaflow.events.org.TeamMembership;
import io.quotaflow.kpi.org.DirectoryOrg;
import io.quotaflow.platform.org.OrgDirectory;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A sales org that does not change, from the same events the sales-org topic carries, seen as the service sees it. */
public final class FixedOrg extends DirectoryOrg {

    public FixedOrg(List<RepChanged> reps, List<TeamChanged> teams, List<ProductLineChanged> productLines) {
        super(new Directory(reps, teams, productLines));
    }

    /** A rep on one team since {@code from}. */
    public static RepChanged rep(String repId, String teamId, LocalDate from) {
        return new RepChanged(repId, repId, teamId, from, null, BigDecimal.ONE,
                List.of(new TeamMembership(teamId, from, null)), 1);
    }

    /** A rep who moved from one team to another on {@code movedOn}. */
    public static RepChanged mover(String repId, String from, String to, LocalDate hiredOn, LocalDate movedOn) {
        return new RepChanged(repId, repId, to, hiredOn, null, BigDecimal.ONE,
                List.of(new TeamMembership(from, hiredOn, movedOn.minusDays(1)), new TeamMembership(to, movedOn, null)),
                2);
    }

    public static TeamChanged team(String teamId, String regionId) {
        return new TeamChanged(teamId, teamId, regionId, "manager-of-" + teamId, 1);
    }

    public static ProductLineChanged productLine(String id, String margin) {
        return new ProductLineChanged(id, id, new BigDecimal(margin), 3, 1);
    }

    /** An org directory that holds what it was given. */
    private static final class Directory implements OrgDirectory {
        private final Map<String, RepChanged> reps = new LinkedHashMap<>();
        private final Map<String, TeamChanged> teams = new LinkedHashMap<>();
        private final Map<String, ProductLineChanged> productLines = new LinkedHashMap<>();

        Directory(List<RepChanged> reps, List<TeamChanged> teams, List<ProductLineChanged> productLines) {
            reps.forEach(rep -> this.reps.put(rep.repId(), rep));
            teams.forEach(team -> this.teams.put(team.teamId(), team));
            productLines.forEach(line -> this.productLines.put(line.productLineId(), line));
        }

        @Override
        public Optional<RepChanged> rep(String repId) {
            return Optional.ofNullable(reps.get(repId));
        }

        @Override
        public Optional<String> teamOf(String repId, LocalDate day) {
            return rep(repId).flatMap(rep -> rep.teamOn(day));
        }

        @Override
        public Optional<TeamChanged> team(String teamId) {
            return Optional.ofNullable(teams.get(teamId));
        }

        @Override
        public Optional<RegionChanged> region(String regionId) {
            return Optional.empty();
        }

        @Override
        public Optional<ProductLineChanged> productLine(String productLineId) {
            return Optional.ofNullable(productLines.get(productLineId));
        }

        @Override
        public List<RepChanged> reps() {
            return List.copyOf(reps.values());
        }

        @Override
        public List<TeamChanged> teams() {
            return List.copyOf(teams.values());
        }

        @Override
        public List<RegionChanged> regions() {
            return List.of();
        }

        @Override
        public List<ProductLineChanged> productLines() {
            return List.copyOf(productLines.values());
        }

        @Override
        public List<RepChanged> members(String teamId, LocalDate day) {
            return reps.values().stream().filter(rep -> rep.teamOn(day).filter(teamId::equals).isPresent()).toList();
        }

        @Override
        public long revision() {
            return 1;
        }
    }
}
