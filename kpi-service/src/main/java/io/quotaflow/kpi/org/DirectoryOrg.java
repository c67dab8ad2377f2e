package io.quotaflow.kpi.org;

import io.quotaflow.events.org.ProductLineChanged;
import io.quotaflow.events.org.RepChanged;
import io.quotaflow.events.org.TeamChanged;
import io.quotaflow.events.org.TeamMembership;
import io.quotaflow.platform.org.OrgDirectory;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** {@link Org} from the platform's projection of the {@code sales-org} topic. */
@Component
public class DirectoryOrg implements Org {

    private final OrgDirectory directory;

    public DirectoryOrg(OrgDirectory directory) {
        this.directory = directory;
    }

    @Override
    public Optional<String> teamOf(String repId, LocalDate day) {
        return directory.teamOf(repId, day);
    }

    @Override
    public Optional<String> regionOf(String teamId) {
        return directory.team(teamId).map(TeamChanged::regionId);
    }

    @Override
    public Optional<BigDecimal> grossMarginOf(String productLineId) {
        return directory.productLine(productLineId).map(ProductLineChanged::grossMargin);
    }

    @Override
    public List<String> membersDuring(String teamId, YearMonth period) {
        return directory.reps().stream().filter(rep -> teamsOf(rep, period).contains(teamId)).map(RepChanged::repId)
                .sorted().toList();
    }

    @Override
    public Set<String> teamsDuring(String repId, YearMonth period) {
        return directory.rep(repId).map(rep -> teamsOf(rep, period)).orElse(Set.of());
    }

    @Override
    public List<String> teams() {
        return directory.teams().stream().map(TeamChanged::teamId).sorted().toList();
    }

    /** The teams a rep was on during a month (while with the company). */
    static Set<String> teamsOf(RepChanged rep, YearMonth period) {
        Set<String> teams = new TreeSet<>();
        LocalDate first = period.atDay(1);
        LocalDate last = period.atEndOfMonth();
        if (rep.hiredOn().isAfter(last) || (rep.leftOn() != null && rep.leftOn().isBefore(first))) {
            return teams;
        }
        if (rep.memberships().isEmpty() && rep.teamId() != null) {
            teams.add(rep.teamId());
        }
        for (TeamMembership membership : rep.memberships()) {
            if (!membership.from().isAfter(last) && (membership.to() == null || !membership.to().isBefore(first))) {
                teams.add(membership.teamId());
            }
        }
        return teams;
    }
}
