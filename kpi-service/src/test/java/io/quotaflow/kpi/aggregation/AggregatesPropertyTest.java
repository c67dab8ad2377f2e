package io.quotaflow.kpi.aggregation;

import com.mongodb.client.MongoDatabase;
import io.quotaflow.events.EventEnvelope;
import io.quotaflow.events.activity.ActivityEvent;
import io.quotaflow.kpi.support.FixedOrg;
import io.quotaflow.kpi.support.LedgerPipeline;
import io.quotaflow.kpi.support.MongoDatabases;
import io.quotaflow.kpi.support.RandomActivity;
import io.quotaflow.kpi.support.ReferenceFigures;
import io.quotaflow.kpi.support.Stored;
import io.quotaflow.testsupport.property.Draw;
import io.quotaflow.testsupport.property.Property;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever order a random month of activity is delivered in — shuffled across and within partitions, with true
 * duplicates (the same event id at another offset) and redeliveries after the consumer was killed after a random
 * step of a chunk — the projections (activity, and customer deals re-keyed through kpi-service's own topic), run
 * through the platform ledger over the real MongoDB wire protocol, end with exactly the figures a plain computation
 * over the de-duplicated events gives: every day, channel, promotion and breakdown path of every scope's month, and
 * every month actual. (Kafka is played by in-memory partitions here; the service's ITs run the same over the broker.)
 */
class AggregatesPropertyTest {

    private static final FixedOrg ORG = RandomActivity.org();

    @Property(tries = 12)
    void shouldEndWithTheFiguresOfTheDeduplicatedEventsWhateverTheDelivery(RandomGenerator random) {
        MongoDatabase database = MongoDatabases.fresh("kpi-property");
        String prefix = database.getName().substring("kpi-property-".length());
        List<EventEnvelope<ActivityEvent>> events = RandomActivity.draw(random, prefix, Draw.between(random, 0, 40),
                Draw.between(random, 0, 12));
        List<EventEnvelope<ActivityEvent>> delivered = Draw.shuffledWithRepeats(random, events);
        try {
            LedgerPipeline pipeline = new LedgerPipeline(database, LedgerPipeline.projections(ORG),
                    Draw.between(random, 1, 9));
            delivered.forEach(pipeline::activity);

            pipeline.drain(random, 0.3);

            Map<String, Map<String, BigDecimal>> expected = ReferenceFigures.of(events, ORG);
            assertThat(Stored.difference(Stored.months(database), Stored.plain(expected)))
                    .as("paths of the month documents that differ from the reference (%d events, %d crashes)",
                            events.size(), pipeline.crashes()).isEmpty();
            assertThat(Stored.difference(Stored.actuals(database), Stored.plain(Stored.actualsOf(expected))))
                    .as("month actuals that differ").isEmpty();
        } finally {
            database.drop();
        }
    }
}
