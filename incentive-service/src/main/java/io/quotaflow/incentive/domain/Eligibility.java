package io.quotaflow.incentive.domain;

import java.util.Set;

/**
 * Who a plan pays.
 *
 * @param roles           {@code REP}: reps earn its rules; {@code MANAGER}: team managers share team bonuses
 * @param teamIds         the teams whose members it pays (by the team on the day that counts); null = every team
 * @param minimumActivity awards are held until the rep has done this much in the period; forfeited at close if not
 * @param prorateNewHires fixed amounts are cut to the share of the period the rep was employed
 */
public record Eligibility(Set<PayeeRole> roles, Set<String> teamIds, MinimumActivity minimumActivity,
                          boolean prorateNewHires) {

    public static final Eligibility REPS = new Eligibility(Set.of(PayeeRole.REP), null, null, false);

    public Eligibility {
        roles = Set.copyOf(roles);
        teamIds = teamIds == null ? null : Set.copyOf(teamIds);
    }

    public boolean pays(PayeeRole role) {
        return roles.contains(role);
    }

    /** Whether someone on {@code teamId} (null when unknown) is among the plan's teams. */
    public boolean coversTeam(String teamId) {
        return teamIds == null || (teamId != null && teamIds.contains(teamId));
    }

    /** Whether two plans could pay the same person: a role in common and teams in common (all teams meets any). */
    public boolean sharesPayeesWith(Eligibility other) {
        boolean roleInCommon = roles.stream().anyMatch(other.roles::contains);
        boolean teamInCommon = teamIds == null || other.teamIds == null
                || teamIds.stream().anyMatch(other.teamIds::contains);
        return roleInCommon && teamInCommon;
    }
}
