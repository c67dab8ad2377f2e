package io.quotaflow.activity;

import io.quotaflow.events.org.RepChanged;
import io.quotaflow.platform.org.OrgDirectory;
import io.quotaflow.testsupport.EmbeddedInfrastructure;
import io.quotaflow.testsupport.SalesOrgFixture;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.awaitility.Awaitility.await;

/**
 * The sales org the service's tests share, put on the {@code sales-org} topic as target-service would publish it:
 * team {@code t-east} (manager {@code alice}) with reps {@code r-001} … {@code r-005}, team {@code t-west}
 * (manager {@code bob}) with {@code r-101}, and {@code r-900}, who left on 2026-12-31.
 */
public final class TestOrg {

    public static final String TEAM = "t-east";
    public static final String OTHER_TEAM = "t-west";
    public static final String REP = "r-001";
    public static final String LEAVER = "r-900";
    public static final LocalDate HIRED_ON = LocalDate.of(2025, 1, 6);

    private TestOrg() {
    }

    /** A rep hired now, on {@code teamId}, whom no other test uses; returns once the service knows them. */
    public static String newRep(OrgDirectory directory, String teamId) {
        ensure(directory);
        String repId = "r-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        SalesOrgFixture.publish(EmbeddedInfrastructure.shared().kafkaBootstrapServers(),
                List.of(SalesOrgFixture.rep(repId, teamId, HIRED_ON)));
        await().atMost(Duration.ofSeconds(60)).until(() -> directory.rep(repId).isPresent());
        return repId;
    }

    /** Publishes the org (once per JVM is enough; again is harmless) and waits until the service knows it. */
    public static void ensure(OrgDirectory directory) {
        if (directory.rep(LEAVER).isPresent()) {
            return;
        }
        SalesOrgFixture.publish(EmbeddedInfrastructure.shared().kafkaBootstrapServers(), List.of(
                SalesOrgFixture.team(TEAM, "east", "alice"),
                SalesOrgFixture.team(OTHER_TEAM, "west", "bob"),
                SalesOrgFixture.rep("r-001", TEAM, HIRED_ON),
                SalesOrgFixture.rep("r-002", TEAM, HIRED_ON),
                SalesOrgFixture.rep("r-003", TEAM, HIRED_ON),
                SalesOrgFixture.rep("r-004", TEAM, HIRED_ON),
                SalesOrgFixture.rep("r-005", TEAM, HIRED_ON),
                SalesOrgFixture.rep("r-101", OTHER_TEAM, HIRED_ON),
                new RepChanged(LEAVER, "Rep who left", TEAM, HIRED_ON, LocalDate.of(2026, 12, 31), BigDecimal.ONE,
                        List.of(), 2)));
        await().atMost(Duration.ofSeconds(60)).until(() -> directory.rep(LEAVER).isPresent());
    }
}
