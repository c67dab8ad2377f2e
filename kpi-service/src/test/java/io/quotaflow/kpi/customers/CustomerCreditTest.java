package io.quotaflow.kpi.customers;

import com.mongodb.client.MongoDatabase;
import io.quotaflow.kpi.aggregation.Layout;
import io.quotaflow.kpi.support.FixedOrg;
import io.quotaflow.kpi.support.LedgerPipeline;
import io.quotaflow.kpi.support.MongoDatabases;
import io.quotaflow.kpi.support.Stored;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.quotaflow.kpi.support.January.cancelled;
import static io.quotaflow.kpi.support.January.won;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The new-customer credit and the customer's owner move to deals learned in earlier chunks, whose facts the book
 * does not carry: the chunk that cancels the first deal reads the next deal's facts from {@code kpi_customer_deals}
 * (one more prefetch round) and then the figures its credit moves into (another). By hand: r-1 wins on the 3rd,
 * r-2 on the 7th, r-3 on the 12th; cancelling the 3rd's deal moves the credit to r-2 on the 7th; cancelling the
 * 12th's makes r-2 the owner and lists the customer on r-2's team.
 */
class CustomerCreditTest {

    private static final FixedOrg ORG = new FixedOrg(List.of(FixedOrg.rep("r-1", "t-east", LocalDate.of(2025, 1, 1)),
            FixedOrg.rep("r-2", "t-west", LocalDate.of(2025, 1, 1)), FixedOrg.rep("r-3", "t-east",
                    LocalDate.of(2025, 1, 1))),
            List.of(FixedOrg.team("t-east", "east"), FixedOrg.team("t-west", "west")), List.of());
    private static final Instant OPENED = Instant.parse("2026-12-01T02:00:00Z");
    private final MongoDatabase database = MongoDatabases.fresh("kpi-credit");
    private final LedgerPipeline pipeline = new LedgerPipeline(database, LedgerPipeline.projections(ORG), 50);

    @AfterEach
    void drop() {
        database.drop();
    }

    @Test
    void shouldMoveTheCreditAndTheOwnershipToDealsOfEarlierChunks() {
        pipeline.activity(won("r-1", "d-1", "c-1", "100.00", 3, OPENED));
        pipeline.drain();
        pipeline.activity(won("r-2", "d-2", "c-1", "200.00", 7, OPENED));
        pipeline.drain();
        pipeline.activity(won("r-3", "d-3", "c-1", "300.00", 12, OPENED));
        pipeline.drain();
        assertThat(newCustomers()).containsOnly(Map.entry("REP:r-1", "1"));
        assertThat(listedOn("t-east")).containsEntry("rep", "r-3");

        pipeline.activity(cancelled("r-1", "d-1", "c-1", 14));
        pipeline.drain();
        assertThat(newCustomers()).containsOnly(Map.entry("REP:r-2", "1"));
        assertThat(Stored.months(database).get("REP:r-2|2027-01")).containsEntry("d.07.newc", "1");

        pipeline.activity(cancelled("r-3", "d-3", "c-1", 15));
        pipeline.drain();
        assertThat(listedOn("t-east")).isNull();
        assertThat(listedOn("t-west")).containsEntry("rep", "r-2").containsEntry("asOf", "2027-01-07");

        Document book = database.getCollection(Layout.CUSTOMERS).find(new Document("_id", "c-1")).first();
        assertThat(((Document) book.get("d")).values()).as("per deal only [sequence, at, amount] or [sequence]")
                .allSatisfy(entry -> assertThat(entry).isInstanceOf(List.class));
        assertThat(((Document) book.get("cr")).getString("deal")).isEqualTo("d-2");
        assertThat(database.getCollection(Layout.CUSTOMER_DEALS).countDocuments()).isEqualTo(3);
    }

    /** The month's new customers of each rep that has any. */
    private Map<String, String> newCustomers() {
        Map<String, String> byRep = new TreeMap<>();
        Stored.months(database).forEach((id, paths) -> {
            if (id.startsWith("REP:")) {
                BigDecimal sum = paths.entrySet().stream().filter(path -> path.getKey().matches("d\\.\\d+\\.newc"))
                        .map(path -> new BigDecimal(path.getValue()))
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                if (sum.signum() != 0) {
                    byRep.put(id.substring(0, id.indexOf('|')), sum.toPlainString());
                }
            }
        });
        return byRep;
    }

    private Document listedOn(String team) {
        Document list = database.getCollection(Layout.TIERS).find(new Document("_id", Layout.tierListId(team, "c-1")))
                .first();
        return list == null || list.get("c") == null ? null : (Document) ((Document) list.get("c")).get("c-1");
    }
}
