package io.quotaflow.platform.org;

import io.quotaflow.events.EventCodec;
import io.quotaflow.events.EventEnvelope;
import io.quotaflow.events.EventIds;
import io.quotaflow.events.org.OrgEvent;
import io.quotaflow.events.org.RegionChanged;
import io.quotaflow.events.org.RepChanged;
import io.quotaflow.events.org.TeamMembership;
import io.quotaflow.testsupport.EmbeddedInfrastructure;
import io.quotaflow.testsupport.SalesOrgFixture;
import io.quotaflow.testsupport.ServiceIT;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.TestPropertySource;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A service's own sales org, projected from the real {@code sales-org} topic into the real MongoDB. */
@ServiceIT
@TestPropertySource(properties = {
        "spring.application.name=org-directory-it",
        "quotaflow.org.consume=true",
        "quotaflow.org.max-age=1s",
        "spring.cloud.function.definition=onSalesOrg"})
class OrgDirectoryIT {

    private static final String BROKERS = EmbeddedInfrastructure.shared().kafkaBootstrapServers();

    @Autowired
    OrgDirectory org;

    @Autowired
    MongoTemplate mongo;

    @Test
    void shouldKnowARepPublishedByTargetServiceWithoutARestart() {
        String rep = "r-" + UUID.randomUUID();

        SalesOrgFixture.publish(BROKERS, List.of(SalesOrgFixture.team("t-east", "east", "alice"),
                SalesOrgFixture.rep(rep, "t-east", LocalDate.of(2026, 3, 1))));

        await().atMost(Duration.ofSeconds(60)).until(() -> org.rep(rep).isPresent());
        assertThat(org.team("t-east")).hasValueSatisfying(team -> assertThat(team.managerId()).isEqualTo("alice"));
        assertThat(org.members("t-east", LocalDate.of(2026, 12, 1))).extracting(RepChanged::repId).contains(rep);
    }

    @Test
    void shouldAttributeDaysToTheTeamOfTheDayAndKeepTheHighestRevision() {
        String rep = "r-" + UUID.randomUUID();
        RepChanged hired = SalesOrgFixture.rep(rep, "t-north", LocalDate.of(2026, 3, 1));
        RepChanged moved = new RepChanged(rep, hired.name(), "t-east", hired.hiredOn(), null, BigDecimal.ONE,
                List.of(new TeamMembership("t-north", hired.hiredOn(), LocalDate.of(2026, 12, 9)),
                        new TeamMembership("t-east", LocalDate.of(2026, 12, 10), null)), 2);

        SalesOrgFixture.publish(BROKERS, List.of(moved, hired, moved));

        await().atMost(Duration.ofSeconds(60)).until(() -> org.rep(rep).map(RepChanged::revision).orElse(0L) == 2);
        assertThat(org.teamOf(rep, LocalDate.of(2026, 12, 9))).contains("t-north");
        assertThat(org.teamOf(rep, LocalDate.of(2026, 12, 10))).contains("t-east");
        assertThat(org.members("t-north", LocalDate.of(2026, 12, 11))).extracting(RepChanged::repId).doesNotContain(rep);
    }

    @Test
    void shouldSeeARepThatAnotherInstanceProjectedWithoutApplyingAnythingItself() {
        // Another instance of the service owns the rep's sales-org partition: its ledger writes the entity, and
        // this instance applies nothing that would make it read the collection again.
        String rep = "r-" + UUID.randomUUID();
        RepChanged hired = SalesOrgFixture.rep(rep, "t-east", LocalDate.of(2026, 3, 1));
        EventEnvelope<OrgEvent> envelope = EventEnvelope.of(EventIds.of("org", hired.entityKey(), "1"), Instant.now(),
                "quotaflow/target-service", null, hired);
        assertThat(org.rep(rep)).isEmpty();

        mongo.getCollection(OrgProjection.ENTITIES).insertOne(new Document("_id", hired.entityKey())
                .append("type", "RepChanged").append("revision", hired.revision())
                .append("event", new String(new EventCodec().encode(envelope), StandardCharsets.UTF_8)));

        await().atMost(Duration.ofSeconds(30)).until(() -> org.rep(rep).isPresent());
        assertThat(org.teamOf(rep, LocalDate.of(2026, 12, 1))).contains("t-east");
    }

    @Test
    void shouldIgnoreAnOlderRevisionThatArrivesLate() {
        String region = "east-" + UUID.randomUUID();

        SalesOrgFixture.publish(BROKERS, List.of(
                new RegionChanged(region, "East, renamed", "MATURE", new BigDecimal("0.05"), 3),
                new RegionChanged(region, "East", "MATURE", new BigDecimal("0.04"), 2)));

        await().atMost(Duration.ofSeconds(60)).until(() -> org.region(region).isPresent());
        long before = org.revision();
        SalesOrgFixture.publish(BROKERS, List.of(new RegionChanged(region, "East", "MATURE", new BigDecimal("0.04"), 1)));
        String marker = "r-" + UUID.randomUUID();
        SalesOrgFixture.publish(BROKERS, List.of(SalesOrgFixture.rep(marker, "t-east", LocalDate.of(2026, 1, 1))));
        await().atMost(Duration.ofSeconds(60)).until(() -> org.rep(marker).isPresent());

        assertThat(org.region(region)).hasValueSatisfying(r -> assertThat(r.name()).isEqualTo("East, renamed"));
        assertThat(org.revision()).isGreaterThan(before);
    }
}
