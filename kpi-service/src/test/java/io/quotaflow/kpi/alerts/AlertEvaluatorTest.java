package io.quotaflow.kpi.alerts;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import io.quotaflow.events.EventEnvelope;
import io.quotaflow.events.Topics;
import io.quotaflow.events.kpi.KpiAnomalyDetected;
import io.quotaflow.events.kpi.KpiAnomalyDetected.AlertStatus;
import io.quotaflow.events.kpi.Severity;
import io.quotaflow.kpi.KpiProperties;
import io.quotaflow.kpi.aggregation.Figures;
import io.quotaflow.kpi.aggregation.Layout;
import io.quotaflow.kpi.alerts.AlertViews.AlertView;
import io.quotaflow.kpi.calendar.BusinessCalendar;
import io.quotaflow.kpi.support.CapturingPublisher;
import io.quotaflow.kpi.support.January;
import io.quotaflow.platform.messaging.Leases;
import io.quotaflow.testsupport.EmbeddedInfrastructure;
import io.quotaflow.testsupport.MovableClock;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An alert is raised once while its condition holds, cleared when it stops, raised again (a second occurrence, a new
 * event) when it comes back, and cleared when its month ends — over figures in the real MongoDB wire protocol, as of a
 * business clock moved by hand. By hand: rep r-9 had 100,000 fall due on 5 January and collected 30,000 by the 20th,
 * a collection rate of 0.30 (below 0.70, and below half of it: CRITICAL).
 */
class AlertEvaluatorTest {

    /** Write commands to {@code kpi_alerts}. */
    private static final AtomicInteger WRITES = new AtomicInteger();

    private final MongoTemplate mongo = mongoTemplate();
    private final CapturingPublisher publisher = new CapturingPublisher();
    private final MovableClock clock = new MovableClock(January.at(20));
    private final AlertEvaluator evaluator = new AlertEvaluator(new Figures(mongo), new AlertStore(mongo), publisher,
            new Leases(mongo, Clock.systemUTC()), new BusinessCalendar(ZoneId.of("Asia/Shanghai")), clock,
            new KpiProperties(null, null, null, null, null));

    @AfterEach
    void drop() {
        mongo.getDb().drop();
    }

    @Test
    void shouldRaiseOnceClearAndRaiseAgainWithItsEvidence() {
        figure("REP:r-9|2027-01", "d.05.due", "100000.00");
        figure("REP:r-9|2027-01", "d.12.col", "30000.00");

        int first = evaluator.evaluate();
        int again = evaluator.evaluate();

        assertThat(first).isEqualTo(1);
        assertThat(again).as("still holding: nothing new").isZero();
        AlertView raised = only(AlertStatus.RAISED);
        assertThat(raised.kind()).isEqualTo("COLLECTIONS_LAG");
        assertThat(raised.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(raised.evidence()).containsEntry("due", "100000.00").containsEntry("collected", "30000.00")
                .containsEntry("collectionRate", "0.3000").containsEntry("window", "2027-01-01..2027-01-20");
        assertThat(events()).extracting(KpiAnomalyDetected::status).containsExactly(AlertStatus.RAISED);

        figure("REP:r-9|2027-01", "d.19.col", "50000.00");
        assertThat(evaluator.evaluate()).as("80 % collected: cleared").isEqualTo(1);
        assertThat(only(AlertStatus.CLEARED).clearedAt()).isEqualTo(January.at(20));

        figure("REP:r-9|2027-01", "d.20.due", "200000.00");
        assertThat(evaluator.evaluate()).as("80,000 of 300,000: raised again").isEqualTo(1);
        AlertView second = only(AlertStatus.RAISED);
        assertThat(second.occurrences()).isEqualTo(2);
        assertThat(second.alertId()).isEqualTo(raised.alertId());

        clock.set(Instant.parse("2027-02-02T02:00:00Z"));
        assertThat(evaluator.evaluate()).as("January is over").isEqualTo(1);

        assertThat(events()).extracting(KpiAnomalyDetected::status).containsExactly(AlertStatus.RAISED,
                AlertStatus.CLEARED, AlertStatus.RAISED, AlertStatus.CLEARED);
        assertThat(publisher.on(Topics.KPI_CHANGES)).extracting(EventEnvelope::eventId).doesNotHaveDuplicates();
        assertThat(events()).extracting(KpiAnomalyDetected::alertId).containsOnly(raised.alertId());
    }

    @Test
    void shouldStoreAnEvaluationsAlertsInOneWriteCommand() {
        for (int rep = 1; rep <= 30; rep++) {
            figure("REP:r-" + rep + "|2027-01", "d.05.due", "100000.00");
        }
        WRITES.set(0);

        assertThat(evaluator.evaluate()).isEqualTo(30);

        assertThat(WRITES.get()).as("write commands to kpi_alerts").isEqualTo(1);
        assertThat(new AlertStore(mongo).of(YearMonth.of(2027, 1))).hasSize(30);
        assertThat(mongo.getCollection(AlertStore.ALERTS).countDocuments(new Document("period", "2027-01")))
                .as("a document per alert").isEqualTo(30);
    }

    @Test
    void shouldClearAnAlertStoredInTheMonthDocumentOfEarlierVersions() {
        mongo.getCollection(AlertStore.ALERTS).insertOne(new Document("_id", "2027-01").append("a", new Document(
                "old-alert", new Document("scope", "REP:r-7").append("kind", "COLLECTIONS_LAG")
                .append("severity", "WARNING").append("status", "RAISED").append("message", "collections lag")
                .append("evidence", new Document("due", "1000.00")).append("raisedAt", Date.from(January.at(3)))
                .append("evaluatedAt", Date.from(January.at(3))).append("n", 1L))));

        assertThat(evaluator.evaluate()).as("its condition no longer holds").isEqualTo(1);

        AlertView cleared = only(AlertStatus.CLEARED);
        assertThat(cleared.alertId()).isEqualTo("old-alert");
        assertThat(cleared.raisedAt()).isEqualTo(January.at(3));
        assertThat(cleared.evidence()).containsEntry("due", "1000.00");
        assertThat(events()).extracting(KpiAnomalyDetected::alertId, KpiAnomalyDetected::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("old-alert", AlertStatus.CLEARED));
        assertThat(evaluator.evaluate()).as("cleared once").isZero();
    }

    private AlertView only(AlertStatus status) {
        List<AlertView> alerts = new AlertStore(mongo).of(YearMonth.of(2027, 1)).values().stream().toList();
        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0).status()).isEqualTo(status);
        return alerts.get(0);
    }

    private List<KpiAnomalyDetected> events() {
        return publisher.on(Topics.KPI_CHANGES).stream().map(EventEnvelope::payload)
                .filter(KpiAnomalyDetected.class::isInstance).map(KpiAnomalyDetected.class::cast).toList();
    }

    /** A figure as the projections would have left it, and the scope in the month's index. */
    private void figure(String id, String path, String amount) {
        mongo.upsert(Query.query(Criteria.where("_id").is(id)),
                new Update().inc(path, new Decimal128(new BigDecimal(amount))), Layout.MONTHS);
        String scope = id.substring(0, id.indexOf('|'));
        mongo.upsert(Query.query(Criteria.where("_id").is(id.substring(id.indexOf('|') + 1))),
                new Update().set("s." + scope.replace(':', '.'), true), Layout.SCOPES);
    }

    private static MongoTemplate mongoTemplate() {
        return new MongoTemplate(MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(EmbeddedInfrastructure.shared().mongoConnectionString()))
                .addCommandListener(new CommandListener() {
                    @Override
                    public void commandStarted(CommandStartedEvent event) {
                        if (Set.of("insert", "update", "delete").contains(event.getCommandName())
                                && AlertStore.ALERTS.equals(event.getCommand().getString(event.getCommandName())
                                .getValue())) {
                            WRITES.incrementAndGet();
                        }
                    }
                }).build()), "kpi-alerts-test");
    }
}
