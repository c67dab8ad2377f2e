package io.quotaflow.kpi.attainment;

import com.mongodb.client.MongoDatabase;
import io.quotaflow.events.EntityRef;
import io.quotaflow.events.EventEnvelope;
import io.quotaflow.events.EventIds;
import io.quotaflow.events.TargetMetric;
import io.quotaflow.events.Topics;
import io.quotaflow.events.kpi.AttainmentChanged;
import io.quotaflow.events.kpi.AttainmentLevel;
import io.quotaflow.events.kpi.KpiEvent;
import io.quotaflow.events.target.TargetAssigned;
import io.quotaflow.events.target.TargetRevised;
import io.quotaflow.kpi.support.FixedOrg;
import io.quotaflow.kpi.support.January;
import io.quotaflow.kpi.support.LedgerPipeline;
import io.quotaflow.kpi.support.MongoDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.quotaflow.kpi.support.January.cancelled;
import static io.quotaflow.kpi.support.January.target;
import static io.quotaflow.kpi.support.January.won;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code AttainmentChanged} through the ledger (embedded MongoDB; the published events captured): every threshold
 * crossing announced exactly once per occurrence, coalesced progress updates between them, a crossing back up after
 * a cancellation announced again as a second occurrence, and a revised target moving the scope across a threshold
 * announced by the revision itself.
 */
class AttainmentCrossingTest {

    private static final FixedOrg ORG = new FixedOrg(List.of(FixedOrg.rep("r-1", "t-1", LocalDate.of(2025, 1, 1))),
            List.of(FixedOrg.team("t-1", "east")), List.of());
    private final MongoDatabase database = MongoDatabases.fresh("kpi-crossing");
    private final LedgerPipeline pipeline = new LedgerPipeline(database, LedgerPipeline.projections(ORG), 100);

    @AfterEach
    void drop() {
        database.drop();
    }

    @Test
    void shouldAnnounceEachCrossingOnceEvenWhenEventsAreDeliveredAgain() {
        pipeline.target(target("plan-1", 1, EntityRef.rep("r-1"), TargetMetric.REVENUE, "100000.00", "80000.00",
                "120000.00"));
        pipeline.drain();
        pipeline.activity(won("r-1", "d-1", "c-1", "60000.00", 5, null));
        pipeline.drain();
        pipeline.activity(won("r-1", "d-2", "c-2", "30000.00", 12, null));
        pipeline.activity(won("r-1", "d-1", "c-1", "60000.00", 5, null));
        pipeline.drain();

        assertThat(crossings()).as("the team has no target: nothing to cross")
                .containsExactly("REP:r-1 0.5 UP #1", "REP:r-1 BASE UP #1");
        AttainmentChanged base = changes().stream().filter(change -> "BASE".equals(change.crossed())).findFirst()
                .orElseThrow();
        assertThat(base.actual()).isEqualByComparingTo("90000.00");
        assertThat(base.attainment()).isEqualTo(0.9);
        assertThat(base.level()).isEqualTo(AttainmentLevel.BASE);
        assertThat(base.previousLevel()).isEqualTo(AttainmentLevel.BELOW_BASE);
        // expected to date on the 12th: 7 working days (4–8, 11, 12 January) × 5,000 = 35,000
        assertThat(base.pace()).isEqualTo(2.5714);
        assertThat(base.causedBy()).containsExactly(EventIds.of("test", "d-2-won", "DEAL_CLOSED"));
    }

    @Test
    void shouldAnnounceACrossingAgainAfterACancellationTookItBack() {
        pipeline.target(target("plan-1", 1, EntityRef.rep("r-1"), TargetMetric.REVENUE, "100000.00", "80000.00", null));
        pipeline.activity(won("r-1", "d-1", "c-1", "85000.00", 5, null));
        pipeline.drain();
        pipeline.activity(cancelled("r-1", "d-1", "c-1", 8));
        pipeline.drain();
        pipeline.activity(won("r-1", "d-2", "c-2", "90000.00", 12, null));
        pipeline.drain();

        assertThat(crossings()).filteredOn(crossing -> crossing.startsWith("REP")).containsExactly(
                "REP:r-1 0.5 UP #1", "REP:r-1 BASE UP #1",
                "REP:r-1 0.5 DOWN #1", "REP:r-1 BASE DOWN #1",
                "REP:r-1 0.5 UP #2", "REP:r-1 BASE UP #2");
        assertThat(ids()).doesNotHaveDuplicates();
    }

    @Test
    void shouldAnnounceTheCrossingARevisedTargetCauses() {
        pipeline.target(target("plan-1", 1, EntityRef.rep("r-1"), TargetMetric.REVENUE, "100000.00", "80000.00", null));
        pipeline.activity(won("r-1", "d-1", "c-1", "85000.00", 5, null));
        pipeline.drain();
        // revised upwards from the 18th: 85,000 is no longer 80 % of 120,000 (96,000)
        TargetAssigned before = target("plan-1", 1, EntityRef.rep("r-1"), TargetMetric.REVENUE, "100000.00", "80000.00",
                null).payload();
        TargetRevised revised = new TargetRevised("plan-1", 2, 1, before.period(), before.metric(), before.entity(), null,
                null, null, new BigDecimal("120000.00"), new BigDecimal("96000.00"), null, "CNY", before.weekly(),
                before.daily(), before.monthly(), LocalDate.of(2027, 1, 18), "market grew");
        pipeline.target(EventEnvelope.of(EventIds.of("revision", "2"), January.at(18), "quotaflow/target-service", null,
                revised));
        // the first version arriving again late changes nothing
        pipeline.target(target("plan-1", 1, EntityRef.rep("r-1"), TargetMetric.REVENUE, "100000.00", "80000.00", null));
        pipeline.drain();

        assertThat(crossings()).containsExactly("REP:r-1 0.5 UP #1", "REP:r-1 BASE UP #1", "REP:r-1 BASE DOWN #1");
        AttainmentChanged down = changes().get(2);
        assertThat(down.target()).isEqualByComparingTo("120000.00");
        assertThat(down.attainment()).isEqualTo(0.7083);
        assertThat(down.causedBy()).containsExactly(EventIds.of("revision", "2"));
    }

    @Test
    void shouldAnnounceALateEventsChangeAsLaterThanTheAnnouncementsBeforeIt() {
        // Consumers keep the announcement with the latest asOf: the change a back-dated deal makes (it arrives after
        // a deal of the 20th) is the month's truth now and must not look older than the one it replaces.
        pipeline.target(target("plan-1", 1, EntityRef.rep("r-1"), TargetMetric.REVENUE, "100000.00", "80000.00", null));
        pipeline.activity(won("r-1", "d-1", "c-1", "60000.00", 20, null));
        pipeline.drain();
        pipeline.activity(won("r-1", "d-2", "c-2", "30000.00", 4, null));
        pipeline.drain();
        pipeline.activity(won("r-1", "d-3", "c-3", "15000.00", 4, null));
        pipeline.drain();

        assertThat(crossings()).containsExactly("REP:r-1 0.5 UP #1", "REP:r-1 BASE UP #1", "REP:r-1 TARGET UP #1");
        List<AttainmentChanged> rep = changes();
        for (int i = 1; i < rep.size(); i++) {
            assertThat(rep.get(i).asOf()).as("announcement %d after %d", i, i - 1).isAfter(rep.get(i - 1).asOf());
        }
        AttainmentChanged latest = rep.get(rep.size() - 1);
        assertThat(latest.actual()).isEqualByComparingTo("105000.00");
        assertThat(latest.asOf()).isEqualTo(January.at(20).plusMillis(2));
    }

    @Test
    void shouldCoalesceProgressBetweenCrossingsIntoFivePointSteps() {
        pipeline.target(target("plan-1", 1, EntityRef.rep("r-1"), TargetMetric.REVENUE, "100000.00", null, null));
        for (int i = 0; i < 10; i++) {
            pipeline.activity(won("r-1", "d-" + i, "c-" + i, "1000.00", 5 + i % 10, null));
        }
        pipeline.drain();

        List<AttainmentChanged> rep = changes().stream().filter(change -> change.scope().equals(EntityRef.rep("r-1")))
                .toList();
        // ten deals of 1 % in one chunk: one update (10 %, step 2), no crossing
        assertThat(rep).hasSize(1);
        assertThat(rep.get(0).crossed()).isNull();
        assertThat(rep.get(0).attainment()).isEqualTo(0.1);
        assertThat(rep.get(0).causedBy()).hasSize(10);
    }

    private List<AttainmentChanged> changes() {
        return pipeline.publisher().on(Topics.KPI_CHANGES).stream().map(EventEnvelope::payload)
                .filter(AttainmentChanged.class::isInstance).map(AttainmentChanged.class::cast).toList();
    }

    private List<UUID> ids() {
        return pipeline.publisher().on(Topics.KPI_CHANGES).stream().map(EventEnvelope::eventId).toList();
    }

    /** The crossings announced, in order, once per event id, with their occurrence. */
    private List<String> crossings() {
        List<EventEnvelope<KpiEvent>> published = pipeline.publisher().on(Topics.KPI_CHANGES);
        java.util.Map<String, Integer> occurrences = new java.util.HashMap<>();
        java.util.Set<UUID> seen = new java.util.HashSet<>();
        return published.stream().filter(envelope -> seen.add(envelope.eventId()))
                .map(EventEnvelope::payload).filter(AttainmentChanged.class::isInstance)
                .map(AttainmentChanged.class::cast).filter(change -> change.crossed() != null)
                .map(change -> {
                    String key = change.scope().key() + " " + change.crossed() + " " + change.direction();
                    return key + " #" + occurrences.merge(key, 1, Integer::sum);
                }).collect(Collectors.toList());
    }
}
