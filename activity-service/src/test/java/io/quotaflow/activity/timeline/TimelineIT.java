package io.quotaflow.activity.timeline;

import io.quotaflow.activity.ActivityApi;
import io.quotaflow.activity.ActivityMother;
import io.quotaflow.activity.Body;
import io.quotaflow.activity.TestOrg;
import io.quotaflow.platform.org.OrgDirectory;
import io.quotaflow.testsupport.ServiceIT;
import io.quotaflow.testsupport.TestTokens;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.client.RestTestClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The timeline, a projection of sales-activities, paged newest first, by rep and by customer, as each caller may see it. */
@ServiceIT
class TimelineIT {

    @Autowired
    RestTestClient http;
    @Autowired
    OrgDirectory org;
    @Autowired
    MongoTemplate mongo;

    private final TestTokens tokens = TestTokens.shared();
    private ActivityApi integration;
    private ActivityApi admin;

    @BeforeEach
    void setUp() {
        integration = new ActivityApi(http, tokens.integration());
        admin = new ActivityApi(http, tokens.admin());
    }

    @Test
    void shouldPageARepsActivityNewestFirst() {
        String rep = TestOrg.newRep(org, TestOrg.TEAM);
        List<String> sent = List.of("2027-01-05T01:00:00Z", "2027-01-19T09:00:00Z", "2027-01-12T03:00:00Z",
                "2027-01-19T02:00:00Z", "2026-12-28T08:00:00Z");
        for (String at : sent) {
            integration.accepted(ActivityMother.followUpLogged(rep).with("occurredAt", at));
        }

        Page first = awaitPage(admin, "/api/activities?repId=" + rep + "&size=2", 2);

        assertThat(first.items()).extracting(item -> item.get("occurredAt"))
                .containsExactly("2027-01-19T09:00:00Z", "2027-01-19T02:00:00Z");
        assertThat(first.hasMore()).isTrue();
        assertThat(first.total()).isEqualTo(5);
        assertThat(page(admin, "/api/activities?repId=" + rep + "&size=2&page=1").items())
                .extracting(item -> item.get("occurredAt")).containsExactly("2027-01-12T03:00:00Z", "2027-01-05T01:00:00Z");
        Page last = page(admin, "/api/activities?repId=" + rep + "&size=2&page=2");
        assertThat(last.items()).extracting(item -> item.get("occurredAt")).containsExactly("2026-12-28T08:00:00Z");
        assertThat(last.hasMore()).isFalse();
        assertThat(page(admin, "/api/activities?repId=" + rep + "&from=2027-01-06&to=2027-01-12").items())
                .extracting(item -> item.get("occurredAt")).containsExactly("2027-01-12T03:00:00Z");
    }

    @Test
    void shouldSpreadABusyDayOverSmallBucketsAndPageAcrossThem() {
        String rep = TestOrg.newRep(org, TestOrg.TEAM);
        String customer = "c-" + UUID.randomUUID();
        List<Body> day = new ArrayList<>();
        for (int minute = 0; minute < 120; minute++) {
            day.add(ActivityMother.followUpLogged(rep).with("customerId", customer)
                    .with("occurredAt", String.format("2027-01-19T%02d:%02d:00Z", 1 + minute / 60, minute % 60)));
        }
        integration.batch(day).expectStatus().isAccepted();

        assertThat(awaitPage(admin, "/api/activities?repId=" + rep + "&size=50", 50).total()).isEqualTo(120);
        List<Object> seen = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            seen.addAll(page(admin, "/api/activities?repId=" + rep + "&size=50&page=" + page).items().stream()
                    .map(item -> item.get("occurredAt")).toList());
        }
        assertThat(seen).hasSize(120).doesNotHaveDuplicates()
                .startsWith("2027-01-19T02:59:00Z", "2027-01-19T02:58:00Z").endsWith("2027-01-19T01:00:00Z");
        List<Integer> buckets = new ArrayList<>();
        mongo.getCollection(Timeline.ITEMS).find(Filters.regex("_id", "^REP:" + rep + "\\|"))
                .forEach(bucket -> buckets.add(bucket.get("e", Document.class).size()));
        assertThat(buckets).as("each chunk rewrites a bucket whole: none holds more than %d", Timeline.BUCKET)
                .hasSizeGreaterThanOrEqualTo(3).allSatisfy(size -> assertThat(size).isBetween(1, Timeline.BUCKET));
        assertThat(buckets.stream().mapToInt(Integer::intValue).sum()).isEqualTo(120);
    }

    @Test
    void shouldShowEveryFieldOfAnActivityAndFilterByType() {
        String rep = TestOrg.newRep(org, TestOrg.TEAM);
        Body deal = ActivityMother.dealClosed(rep);
        UUID dealId = integration.accepted(deal).eventId();
        integration.accepted(ActivityMother.followUpLogged(rep));

        Page deals = awaitPage(admin, "/api/activities?repId=" + rep + "&type=DEAL_CLOSED", 1);

        assertThat(deals.items()).singleElement().satisfies(item -> assertThat(item)
                .containsEntry("eventId", dealId.toString()).containsEntry("type", "DEAL_CLOSED")
                .containsEntry("repId", rep).containsEntry("customerId", "c-100").containsEntry("amount", "88000.00")
                .containsEntry("currency", "CNY").containsEntry("originalAmount", "88000.00")
                .containsEntry("grossMargin", "36960.00").containsEntry("channel", "REFERRAL")
                .containsEntry("occurredAt", ActivityMother.OCCURRED_AT).containsEntry("dueDate", "2027-02-15")
                .containsEntry("externalId", deal.get("externalId")).doesNotContainKey("at"));
        assertThat(awaitPage(admin, "/api/activities?repId=" + rep, 2).total()).isEqualTo(2);
    }

    @Test
    void shouldStoreActivitiesAsJsonAndStillReadBucketsOfDocumentsWrittenBefore() {
        String rep = TestOrg.newRep(org, TestOrg.TEAM);
        UUID recent = integration.accepted(ActivityMother.followUpLogged(rep)
                .with("occurredAt", "2027-01-19T09:00:00Z")).eventId();
        awaitPage(admin, "/api/activities?repId=" + rep, 1);
        Document bucket = mongo.getCollection(Timeline.ITEMS).find(Filters.eq("_id", "REP:" + rep + "|2027-01-19|0"))
                .first();
        assertThat(bucket.get("e", Document.class).get(recent.toString())).isInstanceOf(String.class)
                .asString().contains("\"eventId\":\"" + recent + "\"", "\"at\":\"2027-01-19T09:00:00Z\"");

        String old = UUID.randomUUID().toString();
        Document item = new Document("eventId", old).append("type", "LEAD_CREATED")
                .append("at", java.util.Date.from(java.time.Instant.parse("2027-01-18T08:00:00Z")))
                .append("repId", rep).append("occurredAt", "2027-01-18T08:00:00Z").append("source", "API");
        mongo.getCollection(Timeline.ITEMS).insertOne(new Document("_id", "REP:" + rep + "|2027-01-18|0")
                .append("e", new Document(old, item)));
        mongo.getCollection(Timeline.INDEX).updateOne(Filters.eq("_id", "REP:" + rep),
                new Document("$set", new Document("days.2027-01-18", new Document("n", 1).append("b", 0)
                        .append("t", new Document("LEAD_CREATED", 1)))));

        Page page = awaitPage(admin, "/api/activities?repId=" + rep, 2);
        assertThat(page.items()).extracting(it -> it.get("eventId")).containsExactly(recent.toString(), old);
        assertThat(page.items()).allSatisfy(it -> assertThat(it).doesNotContainKey("at").containsEntry("repId", rep));
        assertThat(awaitPage(admin, "/api/activities?repId=" + rep + "&type=LEAD_CREATED", 1).items())
                .extracting(it -> it.get("eventId")).containsExactly(old);
    }

    @Test
    void shouldShowACustomerToEachCallerAsFarAsTheyMaySee() {
        String east = TestOrg.newRep(org, TestOrg.TEAM);
        String west = TestOrg.newRep(org, TestOrg.OTHER_TEAM);
        String customer = "c-" + UUID.randomUUID();
        integration.accepted(ActivityMother.followUpLogged(east).with("customerId", customer));
        integration.accepted(ActivityMother.followUpLogged(west).with("customerId", customer)
                .with("occurredAt", "2027-01-18T01:00:00Z"));

        assertThat(awaitPage(admin, "/api/activities?customerId=" + customer, 2).items())
                .extracting(item -> item.get("repId")).containsExactly(east, west);
        ActivityApi alice = new ActivityApi(http, tokens.manager("alice", TestOrg.TEAM));
        assertThat(page(alice, "/api/activities?customerId=" + customer).items())
                .extracting(item -> item.get("repId")).containsExactly(east);
        ActivityApi westRep = new ActivityApi(http, tokens.rep(west));
        assertThat(page(westRep, "/api/activities?customerId=" + customer).items())
                .extracting(item -> item.get("repId")).containsExactly(west);
    }

    @Test
    void shouldLetOnlyTheRepTheirManagerAndAdminsReadARepsTimeline() {
        String rep = TestOrg.newRep(org, TestOrg.TEAM);
        integration.accepted(ActivityMother.followUpLogged(rep));
        awaitPage(admin, "/api/activities?repId=" + rep, 1);

        assertThat(page(new ActivityApi(http, tokens.rep(rep)), "/api/activities").items()).hasSize(1);
        assertThat(page(new ActivityApi(http, tokens.manager("alice", TestOrg.TEAM)),
                "/api/activities?repId=" + rep).items()).hasSize(1);
        new ActivityApi(http, tokens.manager("bob", TestOrg.OTHER_TEAM)).get("/api/activities?repId=" + rep)
                .expectStatus().isForbidden();
        new ActivityApi(http, tokens.rep("r-002")).get("/api/activities?repId=" + rep).expectStatus().isForbidden();
        integration.get("/api/activities?repId=" + rep).expectStatus().isForbidden();
    }

    @Test
    void shouldNameEveryBadParameter() {
        assertThat(ActivityApi.problems(admin.get("/api/activities?from=yesterday&type=CALL&size=0&page=-1"),
                HttpStatus.BAD_REQUEST)).extracting(problem -> problem.field())
                .containsExactlyInAnyOrder("repId", "from", "type", "size", "page");
        assertThat(ActivityApi.problems(admin.get("/api/activities?repId=..%2F..%2Fetc%2Fpasswd"),
                HttpStatus.BAD_REQUEST)).extracting(problem -> problem.field()).containsExactly("repId");
    }

    private Page awaitPage(ActivityApi caller, String uri, int items) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> page(caller, uri),
                page -> page.items().size() == items);
    }

    private static Page page(ActivityApi caller, String uri) {
        return caller.get(uri).expectStatus().isOk().expectBody(Page.class).returnResult().getResponseBody();
    }

    record Page(List<Map<String, Object>> items, int page, int size, boolean hasMore, Long total) {
    }
}
