package io.quotaflow.kpi.support;

import io.quotaflow.events.org.OrgEvent;
import io.quotaflow.events.org.ProductLineChanged;
import io.quotaflow.events.org.RepChanged;
import io.quotaflow.events.org.TeamChanged;
import io.quotaflow.events.org.TeamMembership;
import io.quotaflow.kpi.org.DirectoryOrg;
import io.quotaflow.platform.org.OrgDirectory;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

/** A sales org that does not change, from the same events the sales-org topic carries, seen as the service sees it. */
public final class FixedOrg extends DirectoryOrg {

    public FixedOrg(List<RepChanged> reps, List<TeamChanged> teams, List<ProductLineChanged> productLines) {
        super(OrgDirectory.of(Stream.of(reps, teams, productLines).<OrgEvent>flatMap(List::stream).toList()));
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
}
