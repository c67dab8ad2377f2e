package io.quotaflow.target.plan;

import io.quotaflow.events.Topics;
import io.quotaflow.events.target.TargetEvent;
import io.quotaflow.events.target.TargetRevised;
import io.quotaflow.target.decomposition.TargetNode;
import io.quotaflow.target.plan.PlanViews.NodeView;
import io.quotaflow.target.plan.PlanViews.PlanView;
import io.quotaflow.testsupport.EventTap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Revisions of one plan sent at the same moment, over real HTTP, with the real broker and MongoDB wire
 * protocol: one wins per version, the others are told 409, and the plan, its versions and the events
 * published from them all say the same.
 */
class ConcurrentRevisionsIT extends PlanScenario {

    private static final int RACERS = 8;

    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;

    @Autowired
    Plans plans;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    JsonMapper json;

    @Test
    void shouldLetOneRevisionWinPerVersionAndKeepPlanVersionsAndEventsInAgreement() throws Exception {
        PlanView approved = api.approve(api.create(PlanDrafts.revenue("600000.00"), admin).planId(), admin);
        String planId = approved.planId();

        try (EventTap<TargetEvent> tap = EventTap.tail(brokers, Topics.TARGETS)) {
            List<EntityExchangeResult<String>> answers = reviseAllAtOnce(planId);

            List<PlanView> winners = answers.stream().filter(answer -> answer.getStatus().value() == 201)
                    .map(answer -> json.readValue(answer.getResponseBody(), PlanView.class)).toList();
            List<EntityExchangeResult<String>> losers = answers.stream()
                    .filter(answer -> answer.getStatus().value() != 201).toList();
            assertThat(answers).filteredOn(answer -> answer.getStatus().value() == 201)
                    .allSatisfy(answer -> assertThat(answer.getResponseBody()).as("version documents stay internal")
                            .doesNotContain("\"targets\""));
            assertThat(winners).isNotEmpty();
            assertThat(losers).as("the revisions really raced").isNotEmpty();
            assertThat(winners).extracting(PlanView::version).as("one winner per version step")
                    .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(2, 1 + winners.size()).boxed().toList());
            losers.forEach(this::assertConflictNamingThePlan);

            Plan stored = plans.find(planId).orElseThrow();
            assertThat(stored.version()).isEqualTo(1 + winners.size());
            assertThat(stored.total()).as("the plan's total is its company node's target")
                    .isEqualByComparingTo(plans.currentVersion(stored).decomposition().company().monthly());
            assertVersionsMatchTheLog(stored);
            for (PlanView winner : winners) {
                assertThat(monthlies(winner)).as("what v%d's caller was shown is what is stored", winner.version())
                        .isEqualTo(monthlies(plans.version(stored, winner.version()).orElseThrow()));
            }

            await().atMost(Duration.ofSeconds(30)).until(() ->
                    plans.find(planId).orElseThrow().publishedVersion() == stored.version());
            List<TargetEvent> events = tap.drain(Duration.ofSeconds(2)).stream().map(EventTap.Received::payload)
                    .filter(event -> event.planId().equals(planId)).toList();
            assertThat(events).isNotEmpty().allSatisfy(event -> assertThat(event).isInstanceOf(TargetRevised.class));
            events.forEach(event -> assertAgreesWithTheStoredVersions((TargetRevised) event, stored));
            assertThat(latestPerNode(approved, events)).as("a consumer keeping the highest planVersion per node")
                    .isEqualTo(monthlies(plans.currentVersion(stored)));
        }
    }

    /** Sends {@value #RACERS} revisions with different totals, all released at the same moment. */
    private List<EntityExchangeResult<String>> reviseAllAtOnce(String planId) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(RACERS);
        try {
            CyclicBarrier start = new CyclicBarrier(RACERS);
            List<CompletableFuture<EntityExchangeResult<String>>> sent = IntStream.rangeClosed(1, RACERS)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                        Revision revision = new Revision("racer " + i, null,
                                new BigDecimal("600000.00").add(BigDecimal.valueOf(1000L * i)), null, List.of());
                        awaitEveryone(start);
                        return api.post("/api/targets/plans/{id}/revisions", revision, admin, planId)
                                .returnResult(String.class);
                    }, threads)).toList();
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            return sent.stream().map(CompletableFuture::join).toList();
        } finally {
            threads.shutdownNow();
        }
    }

    private void assertConflictNamingThePlan(EntityExchangeResult<String> answer) {
        assertThat(answer.getStatus().value()).isEqualTo(409);
        assertThat(answer.getResponseHeaders().getContentType()).isNotNull()
                .matches(type -> type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        JsonNode problem = json.readTree(answer.getResponseBody());
        assertThat(problem.path("status").asInt()).isEqualTo(409);
        assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("planId");
    }

    /** Every entry of the log names a document of its version and total; no loser left one behind. */
    private void assertVersionsMatchTheLog(Plan stored) {
        for (Plan.VersionEntry entry : stored.versions()) {
            PlanVersion named = plans.version(stored, entry.version()).orElseThrow();
            assertThat(named.planId()).isEqualTo(stored.id());
            assertThat(named.version()).isEqualTo(entry.version());
            assertThat(named.decomposition().company().monthly()).as("v%d", entry.version())
                    .isEqualByComparingTo(entry.total());
        }
        List<PlanVersion> documents = mongo.find(Query.query(Criteria.where("planId").is(stored.id())),
                PlanVersion.class);
        assertThat(documents).extracting(PlanVersion::version).as("one document per version, none from losers")
                .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, stored.version()).boxed().toList());
    }

    /** The event's node has, in the stored version it names, the target it states, and had the one before. */
    private void assertAgreesWithTheStoredVersions(TargetRevised event, Plan stored) {
        String node = event.entity().key();
        assertThat(event.planVersion()).as("only a winning version publishes").isBetween(2, stored.version());
        assertThat(event.monthly()).as("%s in v%d", node, event.planVersion())
                .isEqualByComparingTo(monthlies(plans.version(stored, event.planVersion()).orElseThrow()).get(node));
        if (event.previousMonthly() != null) {
            assertThat(event.previousMonthly()).as("%s in v%d", node, event.previousVersion()).isEqualByComparingTo(
                    monthlies(plans.version(stored, event.previousVersion()).orElseThrow()).get(node));
        }
    }

    /** What a consumer holds after the approval and these events if it keeps the highest planVersion per node. */
    private static Map<String, BigDecimal> latestPerNode(PlanView approved, List<TargetEvent> events) {
        Map<String, BigDecimal> latest = new HashMap<>(monthlies(approved));
        Map<String, Integer> versions = latest.keySet().stream()
                .collect(Collectors.toMap(node -> node, node -> approved.version()));
        for (TargetEvent event : events) {
            String node = event.entity().key();
            if (event.planVersion() > versions.getOrDefault(node, 0)) {
                versions.put(node, event.planVersion());
                latest.put(node, amount(((TargetRevised) event).monthly()));
            }
        }
        return latest;
    }

    private static Map<String, BigDecimal> monthlies(PlanVersion version) {
        return version.nodes().stream().collect(Collectors.toMap(
                node -> node.entityType().name() + ":" + node.entityId(), node -> amount(node.monthly())));
    }

    private static Map<String, BigDecimal> monthlies(PlanView view) {
        return view.nodes().stream().collect(Collectors.toMap(
                node -> node.entityType().name() + ":" + node.entityId(), node -> amount(node.monthly())));
    }

    /** Compared by value: 601000.00 and 601000.0 are the same target. */
    private static BigDecimal amount(BigDecimal value) {
        return value.stripTrailingZeros();
    }

    private static void awaitEveryone(CyclicBarrier start) {
        try {
            start.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the racers never all started", e);
        }
    }
}
