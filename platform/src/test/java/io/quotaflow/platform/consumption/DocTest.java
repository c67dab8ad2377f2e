package io.quotaflow.platform.consumption;

import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DocTest {

    @Test
    void shouldCombineIncrementsOfOnePathIntoOneOperator() {
        Doc doc = Doc.blind("totals", "r-001");

        doc.inc("revenue", new BigDecimal("100.10")).inc("revenue", new BigDecimal("0.90")).inc("deals", 1).inc("deals", 2);

        assertThat(doc.update()).isEqualTo(new Document("$inc", new Document("revenue", new Decimal128(new BigDecimal("101.00")))
                .append("deals", 3L)));
    }

    @Test
    void shouldSeeItsOwnChangesWhenLoaded() {
        Doc doc = Doc.loaded("totals", "r-001", new Document("_id", "r-001").append("v", 4L)
                .append("hw", new Document("t-0", 9L)).append("deals", 2L)
                .append("days", new Document("03", new Document("revenue", new Decimal128(new BigDecimal("5.00"))))));

        doc.inc("deals", 1).inc("days.03.revenue", new BigDecimal("2.50")).set("status", "OPEN")
                .max("last", Instant.parse("2026-12-03T00:00:00Z")).addToSet("customers", "c-1").addToSet("customers", "c-1");

        assertThat(doc.existed()).isTrue();
        assertThat(doc.count("deals")).isEqualTo(3);
        assertThat(doc.decimal("days.03.revenue")).isEqualByComparingTo("7.50");
        assertThat(doc.string("status")).isEqualTo("OPEN");
        assertThat(doc.instant("last")).isEqualTo(Instant.parse("2026-12-03T00:00:00Z"));
        assertThat(doc.list("customers")).containsExactly("c-1");
        assertThat(doc.has("v")).as("the ledger's fence is not content").isFalse();
        assertThat(doc.update().get("$addToSet", Document.class).get("customers", Document.class).get("$each"))
                .isEqualTo(List.of("c-1"));
    }

    @Test
    void shouldKeepTheExtremeOfSeveralMaxAndMin() {
        Doc doc = Doc.blind("deals", "d-1");

        doc.max("latest", Instant.parse("2026-12-03T00:00:00Z")).max("latest", Instant.parse("2026-12-01T00:00:00Z"))
                .min("first", new BigDecimal("5")).min("first", new BigDecimal("3"));

        assertThat(doc.update().get("$max", Document.class).get("latest"))
                .isEqualTo(Date.from(Instant.parse("2026-12-03T00:00:00Z")));
        assertThat(doc.update().get("$min", Document.class).get("first")).isEqualTo(new Decimal128(new BigDecimal("3")));
    }

    @Test
    void shouldCollapseConflictingOperatorsIntoOneSetWhenTheContentIsKnown() {
        Doc doc = Doc.loaded("deals", "d-1", null);

        doc.inc("days.03.count", 1).set("days", new Document("04", new Document("count", 1L))).inc("days.04.count", 2);

        assertThat(doc.existed()).isFalse();
        assertThat(doc.update()).isEqualTo(new Document("$set",
                new Document("days", new Document("04", new Document("count", 3L)))));
    }

    @Test
    void shouldCollapseOnlyTheConflictingBranchAndKeepJudgingTheRestAfterwards() {
        Doc doc = Doc.loaded("deals", "d-1", null);

        doc.inc("days.03.count", 1).inc("days.04.count", 1).set("days.03", new Document("count", 5L))
                .inc("days.03x", 1).inc("days.03.count", 1);

        assertThat(doc.update()).isEqualTo(new Document("$inc", new Document("days.04.count", 1L).append("days.03x", 1L))
                .append("$set", new Document("days.03", new Document("count", 6L))));
    }

    @Test
    void shouldRefuseConflictingOperatorsOnAnUnreadDocument() {
        Doc doc = Doc.blind("deals", "d-1").inc("days.03.count", 1);

        assertThatThrownBy(() -> doc.set("days", new Document()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("prefetch");
    }

    @Test
    void shouldTellConflictingPathsFromPathsThatMerelyShareAPrefix() {
        Doc doc = Doc.blind("deals", "d-1").inc("days.03.count", 1).inc("days.0", 1).inc("days.03x", 1)
                .inc("days.030.count", 1);

        assertThat(doc.update()).isEqualTo(new Document("$inc", new Document("days.03.count", 1L).append("days.0", 1L)
                .append("days.03x", 1L).append("days.030.count", 1L)));
        assertThatThrownBy(() -> doc.inc("days.03", 1)).as("an ancestor of a path written")
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> doc.set("days.03.count.deep", 1)).as("a descendant of a path written")
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldRefuseToReadAnUnreadDocument() {
        assertThatThrownBy(() -> Doc.blind("deals", "d-1").count("n"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("was not read");
    }

    @Test
    void shouldStoreJavaValuesTheWayMongoDbKeepsThem() {
        Doc doc = Doc.blind("deals", "d-1");

        doc.set("on", LocalDate.of(2026, 12, 3)).set("amount", new BigDecimal("1.20")).set("n", 3)
                .set("at", Instant.parse("2026-12-03T01:00:00Z")).set("gone", null);

        Document update = doc.update();
        assertThat(update.get("$set", Document.class)).containsEntry("on", "2026-12-03")
                .containsEntry("amount", new Decimal128(new BigDecimal("1.20"))).containsEntry("n", 3L)
                .containsEntry("at", Date.from(Instant.parse("2026-12-03T01:00:00Z")));
        assertThat(update.get("$unset", Document.class)).containsKey("gone");
    }

    @Test
    void shouldProtectTheLedgersOwnFields() {
        Doc doc = Doc.blind("deals", "d-1");

        assertThatThrownBy(() -> doc.set("v", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> doc.inc("hw.t-0", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> doc.set("_id", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> doc.set("$where", "x")).isInstanceOf(IllegalArgumentException.class);
    }
}
