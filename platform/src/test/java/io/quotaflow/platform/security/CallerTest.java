package io.quotaflow.platform.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CallerTest {

    @Test
    void shouldReadRolesRepAndTeamsFromTheToken() {
        Caller caller = Caller.of(jwt(Map.of("sub", "alice", "roles", List.of("MANAGER", "WIZARD"),
                "teamIds", List.of("t-east", "t-north"))));

        assertThat(caller.subject()).isEqualTo("alice");
        assertThat(caller.roles()).containsExactly(Role.MANAGER);
        assertThat(caller.teamIds()).containsExactlyInAnyOrder("t-east", "t-north");
        assertThat(caller.repId()).isNull();
    }

    @Test
    void shouldLetARepSeeOnlyThemselves() {
        Caller rep = new Caller("r-001", Set.of(Role.REP), "r-001", Set.of());

        assertThat(rep.canSeeRep("r-001", "t-east")).isTrue();
        assertThat(rep.canSeeRep("r-002", "t-east")).isFalse();
        assertThat(rep.canSeeTeam("t-east")).isFalse();
        assertThatThrownBy(() -> rep.requireRep("r-002", "t-east")).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void shouldLetAManagerSeeOnlyTheirTeams() {
        Caller manager = new Caller("alice", Set.of(Role.MANAGER), null, Set.of("t-east"));

        assertThat(manager.canSeeRep("r-001", "t-east")).isTrue();
        assertThat(manager.canSeeRep("r-009", "t-west")).isFalse();
        assertThat(manager.canSeeTeam("t-east")).isTrue();
        assertThat(manager.canSeeTeam("t-west")).isFalse();
    }

    @Test
    void shouldLetAnAdminSeeEverything() {
        Caller admin = new Caller("ops", Set.of(Role.ADMIN), null, Set.of());

        assertThat(admin.canSeeRep("r-009", "t-west")).isTrue();
        assertThat(admin.canSeeTeam("t-west")).isTrue();
    }

    @Test
    void shouldGiveAnIntegrationNoReadAccess() {
        Caller crm = new Caller("crm-sync", Set.of(Role.INTEGRATION), null, Set.of());

        assertThat(crm.canSeeRep("r-001", "t-east")).isFalse();
        assertThat(crm.canSeeTeam("t-east")).isFalse();
        assertThatThrownBy(() -> crm.requireAnyRole(Role.ADMIN, Role.MANAGER))
                .isInstanceOf(AccessDeniedException.class);
    }

    private static Jwt jwt(Map<String, Object> claims) {
        return new Jwt("token", Instant.now(), Instant.now().plusSeconds(60), Map.of("alg", "RS256"), claims);
    }
}
