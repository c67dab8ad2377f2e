package io.quotaflow.incentive.org;

import io.quotaflow.events.org.RepChanged;
import io.quotaflow.events.org.TeamChanged;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What incentive-service needs to know of the sales org: who a rep is (hire and leave days), which team they were
 * on a day, a team's manager and members. Answered from the service's own projection of the {@code sales-org}
 * topic (the platform's {@code OrgDirectory}); never by calling another service.
 */
public interface SalesOrg {

    Optional<RepChanged> rep(String repId);

    /** The team the rep was on that day. */
    Optional<String> teamOf(String repId, LocalDate day);

    Optional<TeamChanged> team(String teamId);

    /** The reps on the team that day. */
    List<RepChanged> members(String teamId, LocalDate day);

    /** Every team. */
    List<TeamChanged> teams();
}
