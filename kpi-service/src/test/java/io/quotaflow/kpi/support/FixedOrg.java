package io.quotaflow.kpi.support;

import io.quotaflow.events.org.ProductLineChanged;
import io.quotaflow.events.org.RepChanged;
import io.quotaflow.events.org.TeamChanged;
import io.quotaflow.events.org.TeamMembership;
import io.quotaflow.kpi.org.Org;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** A sales org that does not change, from the same events the sales-org topic carries. */
public final class FixedOrg implements Org {

    private final Map<String, RepChanged> reps = new LinkedHashMap<>();
    private final Map<String, TeamChanged> teams = new LinkedHashMap<>();
    private final Map<String, ProductLineChanged> productLines = new LinkedHashMap<>();

    public FixedOrg(List<RepChanged> reps, List<TeamChanged> teams, List<ProductLineChanged> productLines) {
        reps.forEach(rep -> this.reps.put(rep.repId(), rep));
        teams.forEach(team -> this.teams.put(team.teamId(), team));
        productLines.forEach(line -> this.productLines.put(line.productLineId(), line));
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

    @Override
    public Optional<String> teamOf(String repId, LocalDate day) {
        return Optional.ofNullable(reps.get(repId)).flatMap(rep -> rep.teamOn(day));
    }

    @Override
    public Optional<String> regionOf(String teamId) {
        return Optional.ofNullable(teams.get(teamId)).map(TeamChanged::regionId);
    }

    @Override
    public Optional<BigDecimal> grossMarginOf(String productLineId) {
        return Optional.ofNullable(productLines.get(productLineId)).map(ProductLineChanged::grossMargin);
    }

    @Override
    public List<String> membersDuring(String teamId, YearMonth period) {
        List<String> members = new ArrayList<>();
        reps.values().forEach(rep -> {
            if (teamsOf(rep, period).contains(teamId)) {
                members.add(rep.repId());
            }
        });
        return members;
    }

    @Override
    public Set<String> teamsDuring(String repId, YearMonth period) {
        RepChanged rep = reps.get(repId);
        return rep == null ? Set.of() : teamsOf(rep, period);
    }

    private static Set<String> teamsOf(RepChanged rep, YearMonth period) {
        Set<String> teams = new TreeSet<>();
        for (TeamMembership membership : rep.memberships()) {
            boolean overlaps = !membership.from().isAfter(period.atEndOfMonth())
                    && (membership.to() == null || !membership.to().isBefore(period.atDay(1)));
            if (overlaps) {
                teams.add(membership.teamId());
            }
        }
        return teams;
    }

    @Override
    public List<String> teams() {
        return List.copyOf(teams.keySet());
    }
}
