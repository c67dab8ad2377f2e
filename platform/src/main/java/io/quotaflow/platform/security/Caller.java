package io.quotaflow.platform.security;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who is calling, as the token says: subject, roles, the rep they are (for a REP) and the teams they
 * manage (for a MANAGER). Controllers take it as a parameter; the ownership rules live here so that
 * every service applies the same ones.
 */
public record Caller(String subject, Set<Role> roles, String repId, Set<String> teamIds) {

    public Caller {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        teamIds = teamIds == null ? Set.of() : Set.copyOf(teamIds);
    }

    public static Caller of(Jwt jwt) {
        Set<Role> roles = claimList(jwt, "roles").stream()
                .map(Caller::roleOrNull)
                .filter(role -> role != null)
                .collect(Collectors.toSet());
        return new Caller(jwt.getSubject(), roles, jwt.getClaimAsString("repId"),
                Set.copyOf(claimList(jwt, "teamIds")));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isAdmin() {
        return has(Role.ADMIN);
    }

    /** ADMIN sees every rep; a MANAGER the reps of their teams; a REP only themselves. */
    public boolean canSeeRep(String someRepId, String teamOfThatRep) {
        return isAdmin()
                || (has(Role.REP) && someRepId != null && someRepId.equals(repId))
                || (has(Role.MANAGER) && teamOfThatRep != null && teamIds.contains(teamOfThatRep));
    }

    /** ADMIN sees every team; a MANAGER their own teams. */
    public boolean canSeeTeam(String teamId) {
        return isAdmin() || (has(Role.MANAGER) && teamIds.contains(teamId));
    }

    /** Throws {@link AccessDeniedException} (answered 403) unless the caller has one of the roles. */
    public void requireAnyRole(Role... anyOf) {
        if (Arrays.stream(anyOf).noneMatch(this::has)) {
            throw new AccessDeniedException("requires one of the roles " + Arrays.toString(anyOf));
        }
    }

    public void requireRep(String someRepId, String teamOfThatRep) {
        if (!canSeeRep(someRepId, teamOfThatRep)) {
            throw new AccessDeniedException("not allowed to see rep " + someRepId);
        }
    }

    public void requireTeam(String teamId) {
        if (!canSeeTeam(teamId)) {
            throw new AccessDeniedException("not allowed to see team " + teamId);
        }
    }

    private static Role roleOrNull(String name) {
        try {
            return Role.valueOf(name);
        } catch (IllegalArgumentException unknownRole) {
            return null;
        }
    }

    private static List<String> claimList(Jwt jwt, String claim) {
        Object value = jwt.getClaims().get(claim);
        if (value instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        if (value instanceof String single && !single.isBlank()) {
            return List.of(single.split("[ ,]+"));
        }
        return List.of();
    }
}
