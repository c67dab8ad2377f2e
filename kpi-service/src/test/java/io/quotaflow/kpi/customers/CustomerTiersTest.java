package io.quotaflow.kpi.customers;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.quotaflow.events.EventEnvelope;
import io.quotaflow.events.Topics;
import io.quotaflow.events.activity.DealClosed;
import io.quotaflow.events.kpi.CustomerTier;
import io.quotaflow.events.kpi.CustomerTierChanged;
import io.quotaflow.kpi.KpiProperties;
import io.quotaflow.kpi.aggregation.Figures;
import io.quotaflow.kpi.aggregation.Layout;
import io.quotaflow.kpi.calendar.BusinessCalendar;
import io.quotaflow.kpi.customers.CustomerViews.TierEntry;
import io.quotaflow.kpi.support.FixedOrg;
import io.quotaflow.kpi.support.January;
import io.quotaflow.kpi.support.LedgerPipeline;
import io.quotaflow.kpi.support.MongoDatabases;
import io.quotaflow.kpi.support.Stored;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.quotaflow.kpi.support.January.cancelled;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Customer tiers through both ledgers (activity, then kpi-service's own customer-keyed deals): by hand, a customer
 * who bought 3,000,000 in June 2026 is B (at least 500,000 in 12 months); 2,500,000 more in January makes 5,500,000,
 * A; cancelling that deal brings it back to B. Each change is announced once; the team's list shows the customer
 * with its trailing purchases; the new-customer credit stays with the June deal, in June. A team list written as one
 * document (before lists were split by customer) is still read, and a customer leaves it on its next change.
 */
class CustomerTiersTest {

    private static final FixedOrg ORG = new FixedOrg(List.of(FixedOrg.rep("r-1", "t-east", LocalDate.of(2025, 1, 1))),
            List.of(FixedOrg.team("t-east", "east")), List.of());
    private final MongoDatabase database = MongoDatabases.fresh("kpi-tiers");
    private final LedgerPipeline pipeline = new LedgerPipeline(database, LedgerPipeline.projections(ORG), 50);

    @AfterEach
    void drop() {
        database.drop();
    }

    @Test
    void shouldTierACustomerFromTrailingPurchasesAndAnnounceEachChangeOnce() {
        pipeline.activity(deal("d-june", "3000000.00", Instant.parse("2026-06-01T02:00:00Z")));
        pipeline.drain();
        pipeline.activity(deal("d-jan", "2500000.00", January.at(5)));
        pipeline.activity(deal("d-june", "3000000.00", Instant.parse("2026-06-01T02:00:00Z")));
        pipeline.drain();
        assertThat(listed()).containsEntry("tier", "A").containsEntry("t12m", new org.bson.types.Decimal128(
                new BigDecimal("5500000.00")));

        pipeline.activity(cancelled("r-1", "d-jan", "c-big", 9));
        pipeline.drain();

        List<CustomerTierChanged> changes = pipeline.publisher().on(Topics.KPI_CHANGES).stream()
                .map(EventEnvelope::payload).filter(CustomerTierChanged.class::isInstance)
                .map(CustomerTierChanged.class::cast).distinct().toList();
        assertThat(changes).extracting(CustomerTierChanged::previousTier, CustomerTierChanged::tier).containsExactly(
                org.assertj.core.groups.Tuple.tuple(null, CustomerTier.B),
                org.assertj.core.groups.Tuple.tuple(CustomerTier.B, CustomerTier.A),
                org.assertj.core.groups.Tuple.tuple(CustomerTier.A, CustomerTier.B));
        assertThat(changes.get(1).score()).isEqualByComparingTo("5500000.00");
        assertThat(changes.get(1).repId()).isEqualTo("r-1");
        assertThat(changes.get(2).reason()).contains("3,000,000.00");
        assertThat(listed()).containsEntry("tier", "B").containsEntry("rep", "r-1").containsEntry("asOf", "2026-06-01");
        assertThat(Stored.months(database).get("REP:r-1|2026-06")).containsEntry("d.01.newc", "1");
        assertThat(Stored.months(database).getOrDefault("REP:r-1|2027-01", java.util.Map.of()))
                .as("the cancelled deal left nothing in January").isEmpty();
    }

    /** The list as one ledger-written document per team (with its version and fences), as kept before the split. */
    @Test
    void shouldReadATeamListWrittenBeforeTheSplitAndMoveEachCustomerOffItOnItsNextChange() {
        pipeline.activity(deal("d-june", "3000000.00", Instant.parse("2026-06-01T02:00:00Z")));
        pipeline.drain();
        MongoCollection<Document> lists = database.getCollection(Layout.TIERS);
        Document bucket = lists.find(new Document("_id", Layout.tierListId("t-east", "c-big"))).first();
        Document entry = (Document) ((Document) bucket.get("c")).get("c-big");
        lists.deleteMany(new Document());
        lists.insertOne(new Document(bucket).append("_id", "t-east").append("c", new Document("c-big", entry)
                .append("c-quiet", new Document(entry).append("reason", "listed before"))));
        database.getCollection(Layout.CUSTOMERS).updateOne(new Document("_id", "c-big"),
                new Document("$set", new Document("team", "t-east")));
        CustomerInsights insights = new CustomerInsights(new Figures(MongoDatabases.template(database)),
                new BusinessCalendar(January.SHANGHAI), new KpiProperties(null, null, null, null, null),
                Clock.fixed(January.at(10), January.SHANGHAI));
        assertThat(insights.tiers(List.of("t-east"), null).teams().get(0).tiers().get(CustomerTier.B))
                .extracting(TierEntry::customerId).containsExactly("c-big", "c-quiet");

        pipeline.activity(deal("d-jan", "2500000.00", January.at(5)));
        pipeline.drain();

        Document legacy = lists.find(new Document("_id", "t-east")).first();
        assertThat(((Document) legacy.get("c")).keySet()).as("c-big left the old list").containsExactly("c-quiet");
        assertThat(listed()).containsEntry("tier", "A");
        assertThat(database.getCollection(Layout.CUSTOMERS).find(new Document("_id", "c-big")).first()
                .getString("team")).isEqualTo(Layout.tierListId("t-east", "c-big"));
        Map<CustomerTier, List<TierEntry>> tiers = insights.tiers(List.of("t-east"), null).teams().get(0).tiers();
        assertThat(tiers.get(CustomerTier.A)).extracting(TierEntry::customerId).containsExactly("c-big");
        assertThat(tiers.get(CustomerTier.B)).extracting(TierEntry::customerId).containsExactly("c-quiet");
    }

    private Document listed() {
        Document team = database.getCollection(Layout.TIERS)
                .find(new Document("_id", Layout.tierListId("t-east", "c-big"))).first();
        return (Document) ((Document) team.get("c")).get("c-big");
    }

    private static EventEnvelope<io.quotaflow.events.activity.ActivityEvent> deal(String dealId, String amount,
                                                                                   Instant at) {
        return January.activity(new DealClosed("test", dealId + "-won", "r-1", "c-big", dealId, new BigDecimal(amount),
                "CNY", null, null, null, null, null, null, null, null, null, at));
    }
}
