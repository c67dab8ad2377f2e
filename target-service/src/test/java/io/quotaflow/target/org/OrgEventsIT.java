package io.quotaflow.target.org;

import io.quotaflow.events.EventIds;
import io.quotaflow.events.Topics;
import io.quotaflow.events.org.OrgEvent;
import io.quotaflow.events.org.ProductLineChanged;
import io.quotaflow.events.org.RegionChanged;
import io.quotaflow.events.org.RepChanged;
import io.quotaflow.events.org.TeamChanged;
import io.quotaflow.events.org.TeamMembership;
import io.quotaflow.testsupport.EmbeddedInfrastructure;
import io.quotaflow.testsupport.EventTap;
import io.quotaflow.testsupport.ServiceIT;
import io.quotaflow.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.client.RestTestClient;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static io.quotaflow.target.org.OrgMother.newId;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sales org as events: every change of a region, product line, team or rep reaches the compacted
 * {@code sales-org} topic as the entity's whole state with a growing revision, keyed by entity, with the id
 * {@code org / key / revision}; a rep's move keeps its team history; a republish sends everything again.
 */
@ServiceIT
class OrgEventsIT {

    private static final String BROKERS = EmbeddedInfrastructure.shared().kafkaBootstrapServers();

    @Autowired
    RestTestClient http;

    private OrgApi admin;

    @BeforeEach
    void signInAsAdmin() {
        admin = new OrgApi(http, TestTokens.shared().admin());
    }

    @Test
    void shouldPublishEveryKindOfEntityWithItsRevisionKeyedByEntity() {
        try (EventTap<OrgEvent> tap = EventTap.tail(BROKERS, Topics.SALES_ORG)) {
            String region = admin.newRegion();
            String line = admin.newProductLine();
            String team = admin.newTeam(region);
            String rep = admin.newRep(team);

            List<EventTap.Received<OrgEvent>> received = tap.awaitUntil(keys(Set.of("REGION:" + region,
                    "PRODUCT_LINE:" + line, "TEAM:" + team, "REP:" + rep)), Duration.ofSeconds(30));

            assertThat(one(received, RegionChanged.class, region)).satisfies(changed -> {
                assertThat(changed.marketType()).isEqualTo("MATURE");
                assertThat(changed.growthRate()).isEqualByComparingTo("0.05");
            });
            assertThat(one(received, ProductLineChanged.class, line).strategicPriority()).isEqualTo(3);
            assertThat(one(received, TeamChanged.class, team).managerId()).isEqualTo("alice");
            RepChanged hired = one(received, RepChanged.class, rep);
            assertThat(hired.revision()).isEqualTo(1);
            assertThat(hired.memberships()).containsExactly(new TeamMembership(team, LocalDate.of(2026, 1, 15), null));
            assertThat(received).filteredOn(r -> r.key().equals("REP:" + rep)).singleElement()
                    .satisfies(r -> assertThat(r.envelope().eventId()).isEqualTo(EventIds.of("org", "REP:" + rep, "1")));
        }
    }

    @Test
    void shouldKeepTheTeamHistoryWhenARepMovesMidMonth() {
        String region = admin.newRegion();
        String north = admin.newTeam(region);
        String east = admin.newTeam(region);
        String rep = admin.newRep(north);
        try (EventTap<OrgEvent> tap = EventTap.tail(BROKERS, Topics.SALES_ORG)) {
            admin.put("reps/" + rep, OrgMother.rep(east).with("teamSince", "2026-12-10")).expectStatus().isOk();

            RepChanged moved = (RepChanged) tap.awaitUntil(keys(Set.of("REP:" + rep)), Duration.ofSeconds(30)).get(0).payload();

            assertThat(moved.revision()).isEqualTo(2);
            assertThat(moved.teamId()).isEqualTo(east);
            assertThat(moved.memberships()).containsExactly(
                    new TeamMembership(north, LocalDate.of(2026, 1, 15), LocalDate.of(2026, 12, 9)),
                    new TeamMembership(east, LocalDate.of(2026, 12, 10), null));
            assertThat(moved.teamOn(LocalDate.of(2026, 12, 9))).contains(north);
        }
        admin.get("reps/" + rep).expectStatus().isOk().expectBody()
                .jsonPath("$.memberships.length()").isEqualTo(2)
                .jsonPath("$.memberships[1].from").isEqualTo("2026-12-10");
    }

    @Test
    void shouldRefuseAMoveDatedBeforeTheCurrentTeamAndPublishNothing() {
        String region = admin.newRegion();
        String north = admin.newTeam(region);
        String east = admin.newTeam(region);
        String rep = admin.newRep(north);
        try (EventTap<OrgEvent> tap = EventTap.tail(BROKERS, Topics.SALES_ORG)) {
            assertThat(OrgApi.problems(admin.put("reps/" + rep, OrgMother.rep(east).with("teamSince", "2026-01-15")),
                    HttpStatus.BAD_REQUEST)).extracting(problem -> problem.field()).containsExactly("teamSince");

            assertThat(tap.drain(Duration.ofSeconds(2))).noneMatch(r -> r.key().equals("REP:" + rep));
        }
        admin.get("reps/" + rep).expectStatus().isOk().expectBody().jsonPath("$.teamId").isEqualTo(north);
    }

    @Test
    void shouldPublishTheWholeOrgAgainOnDemand() {
        String region = admin.newRegion();
        String team = admin.newTeam(region);
        String rep = admin.newRep(team);
        try (EventTap<OrgEvent> tap = EventTap.tail(BROKERS, Topics.SALES_ORG)) {
            http.post().uri("/api/org/republish").header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.shared().admin())
                    .exchange().expectStatus().isAccepted();

            List<EventTap.Received<OrgEvent>> again = tap.awaitUntil(keys(Set.of("REGION:" + region, "TEAM:" + team,
                    "REP:" + rep)), Duration.ofSeconds(30));

            assertThat(again).filteredOn(r -> r.key().equals("REP:" + rep)).first()
                    .satisfies(r -> assertThat(r.envelope().eventId()).isEqualTo(EventIds.of("org", "REP:" + rep, "1")));
        }
        http.post().uri("/api/org/republish").header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.shared().rep("r-1"))
                .exchange().expectStatus().isForbidden();
    }

    @Test
    void shouldPublishImportedRepsThroughTheRelay() {
        String region = admin.newRegion();
        String team = admin.newTeam(region);
        String prefix = newId("imported");
        try (EventTap<OrgEvent> tap = EventTap.tail(BROKERS, Topics.SALES_ORG)) {
            admin.importCsv("reps", CsvMother.reps(team, prefix, 30)).expectStatus().isOk();

            List<EventTap.Received<OrgEvent>> received = tap.awaitUntil(all -> all.stream()
                    .filter(r -> r.key().startsWith("REP:" + prefix)).map(EventTap.Received::key).distinct().count() == 30,
                    Duration.ofSeconds(30));

            assertThat(received).filteredOn(r -> r.key().startsWith("REP:" + prefix))
                    .allSatisfy(r -> assertThat(((RepChanged) r.payload()).teamId()).isEqualTo(team));
        }
    }

    private static Predicate<List<EventTap.Received<OrgEvent>>> keys(Set<String> wanted) {
        return all -> all.stream().map(EventTap.Received::key).collect(Collectors.toSet()).containsAll(wanted);
    }

    private static <T extends OrgEvent> T one(List<EventTap.Received<OrgEvent>> received, Class<T> type, String id) {
        return received.stream().map(EventTap.Received::payload).filter(type::isInstance).map(type::cast)
                .filter(event -> event.entityKey().endsWith(":" + id)).findFirst().orElseThrow();
    }
}
