package io.quotaflow.incentive.award;

import io.quotaflow.events.EventEnvelope;
import io.quotaflow.events.TargetMetric;
import io.quotaflow.events.Topics;
import io.quotaflow.events.incentive.IncentiveEvent;
import io.quotaflow.incentive.fixtures.Events;
import io.quotaflow.incentive.fixtures.Feed;
import io.quotaflow.incentive.fixtures.IncentiveScenario;
import io.quotaflow.incentive.fixtures.PlanDrafts;
import io.quotaflow.incentive.statement.AwardView;
import io.quotaflow.incentive.statement.Statement;
import io.quotaflow.testsupport.EventTap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Awards are made once: neither events sent again nor the topics replayed from their start make a second one. */
class ReplayIT extends IncentiveScenario {

    static final YearMonth SEPTEMBER = YearMonth.of(2026, 9);
    static final LocalDate DAY = LocalDate.of(2026, 9, 15);
    static final List<String> BINDINGS = List.of("onKpiChange-in-0", "onSalesActivity-in-0", "onTarget-in-0",
            "onSalesOrg-in-0");

    @Autowired
    BindingsLifecycleController bindings;

    @Test
    void shouldMakeNoNewAwardWhenTheSameEventsComeAgainOrTheTopicsAreReplayedFromTheStart() throws Exception {
        api.putPlan("replay-2026-09", PlanDrafts.plan(SEPTEMBER,
                PlanDrafts.commission("commission", "REVENUE", "CLOSE", null, PlanDrafts.band("0", null, "0.03")),
                PlanDrafts.threshold("base-bonus", "REVENUE", "0.8", "2000.00")), tokens.admin())
                .expectStatus().is2xxSuccessful();
        List<EventEnvelope<?>> events = List.of(
                Events.deal("r-901", "d-901", "500000.00", DAY),
                Events.deal("r-901", "d-902", "300000.00", DAY.plusDays(1)),
                Events.attainment("r-901", SEPTEMBER, TargetMetric.REVENUE, "800000.00", "1000000.00", DAY.plusDays(1)));
        try (EventTap<IncentiveEvent> tap = tapIncentives()) {
            Feed.publish(events);
            tap.awaitUntil(all -> awarded(all, "r-901").size() == 3, Duration.ofSeconds(30));
        }
        Statement before = api.statement("r-901", SEPTEMBER, tokens.admin());
        List<AwardView> awardsBefore = api.awards("r-901", SEPTEMBER, tokens.admin());
        assertThat(before.net("CNY")).isEqualByComparingTo("26000.00"); // 3 % of 800,000 + 2,000

        try (EventTap<IncentiveEvent> tap = tapIncentives()) {
            Feed.publish(events);
            replayFromTheStart();

            assertThat(awarded(tap.drain(Duration.ofSeconds(5)), "r-901")).isEmpty();
        }
        assertThat(api.statement("r-901", SEPTEMBER, tokens.admin())).isEqualTo(before);
        assertThat(api.awards("r-901", SEPTEMBER, tokens.admin())).isEqualTo(awardsBefore);
    }

    /** Stops the consumers, moves the group back to the start of the topics and starts them again. */
    private void replayFromTheStart() throws Exception {
        BINDINGS.forEach(bindings::stop);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                ConsumerGroupDescription group = admin.describeConsumerGroups(List.of("incentive-service"))
                        .all().get(10, TimeUnit.SECONDS).get("incentive-service");
                return group.groupState() == GroupState.EMPTY;
            });
            Map<TopicPartition, OffsetAndMetadata> start = new HashMap<>();
            for (String topic : List.of(Topics.KPI_CHANGES.name(), Topics.SALES_ACTIVITIES.name())) {
                admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic).partitions()
                        .forEach(p -> start.put(new TopicPartition(topic, p.partition()), new OffsetAndMetadata(0)));
            }
            admin.alterConsumerGroupOffsets("incentive-service", start).all().get(10, TimeUnit.SECONDS);
        } finally {
            BINDINGS.forEach(bindings::start);
        }
    }
}
