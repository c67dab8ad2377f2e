package io.quotaflow.systemtests;

import io.quotaflow.systemtests.ActivityBook.Activity;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static io.quotaflow.systemtests.ActivityBook.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Scale-out: a second instance of kpi-service and of incentive-service joins each service's consumer group (the
 * same jars and environment as the launcher's, other ports), activity streams in through the gateway, both extra
 * instances are killed with SIGKILL mid-stream, and the figures and awards end exactly as a single instance makes
 * them — computed by the test from what it sent, as in {@link EndToEndIT}.
 *
 * <p>The month is the one before {@link EndToEndIT}'s and the reps are its own, so neither test sees the other's
 * figures; the org is complete before the extra instances start (they read it at start-up).
 */
@Order(2)
class ScaleOutIT {

    private static final YearMonth PERIOD = YearMonth.now(ActivityBook.ZONE).minusMonths(2);
    private static final int PARTITIONS = 6;
    private static final String ACTIVITIES = "sales-activities";
    /** Each rep's revenue as a share of their target: some below 80 %, some between, some above the target. */
    private static final List<String> SHARES =
            List.of("0.55", "0.70", "0.82", "0.90", "1.00", "1.10", "1.25", "0.60", "0.85", "0.95", "1.05", "1.30");
    private static final IncentiveTerms TERMS = new IncentiveTerms(
            new TreeMap<>(Map.of(new BigDecimal("0.8"), new BigDecimal("1000.00"))),
            new BigDecimal("50000.00"), new BigDecimal("300.00"), List.of(), null);

    private static final List<ExtraInstance> extras = new ArrayList<>();

    @AfterAll
    static void stopExtraInstances() {
        extras.forEach(ExtraInstance::close);
    }

    @Test
    void shouldEndWithTheSingleInstanceFiguresAndAwardsWhenInstancesDieMidStream() throws Exception {
        RunningSystem system = SharedSystem.get();
        Gateway gateway = new Gateway(system);
        SalesOps ops = new SalesOps(gateway, "scale-out-ops");
        String crm = gateway.integration("scale-out-crm");

        List<String> reps = repsOnEveryPartition(SHARES.size());
        Map<String, String> teamOf = new LinkedHashMap<>();
        ops.region("so-region", "MATURE", 0.05);
        ops.team("so-t1", "so-region", "so-m1");
        ops.team("so-t2", "so-region", "so-m2");
        for (int i = 0; i < reps.size(); i++) {
            teamOf.put(reps.get(i), i % 2 == 0 ? "so-t1" : "so-t2");
            ops.rep(reps.get(i), teamOf.get(reps.get(i)));
        }
        Map<String, BigDecimal> targets = ops.approveRevenuePlan("Scale-out revenue", PERIOD,
                new BigDecimal("2400000.00"));
        ops.saveIncentivePlan("so-plan", TERMS.plan("Scale-out plan", PERIOD, List.of("so-t1", "so-t2")));
        Map<String, BigDecimal> targetByRep = new LinkedHashMap<>();
        reps.forEach(rep -> targetByRep.put(rep, targets.get("REP:" + rep)));
        ops.awaitTargetsKnown(PERIOD, targetByRep, TERMS);

        extras.add(ExtraInstance.start(system, "kpi-service", "kpi-service-2"));
        extras.add(ExtraInstance.start(system, "incentive-service", "incentive-service-2"));
        await("the extra instances consume activity").atMost(SalesOps.PATIENCE.multipliedBy(3))
                .pollDelay(Duration.ZERO).pollInterval(SalesOps.LOOK_AGAIN).untilAsserted(() -> {
            for (ExtraInstance extra : extras) {
                assertThat(extra.isAlive()).as(extra + " alive").isTrue();
                assertThat(extra.isHealthy()).as(extra + " healthy").isTrue();
            }
            for (String group : List.of("kpi-service", "incentive-service")) {
                assertThat(membersWithPartitionsOf(system, group, ACTIVITIES))
                        .as(group + "'s consumers of " + ACTIVITIES).isEqualTo(2);
            }
        });

        ActivityBook book = new ActivityBook();
        List<List<Activity>> batches = stream(reps, targetByRep, book);
        int half = batches.size() / 2;
        for (List<Activity> batch : batches.subList(0, half)) {
            send(gateway, crm, batch);
        }
        await("the extra instances applied part of the stream").atMost(SalesOps.PATIENCE)
                .pollDelay(Duration.ZERO).pollInterval(SalesOps.LOOK_AGAIN).untilAsserted(() -> {
            for (ExtraInstance extra : extras) {
                assertThat(extra.appliedRecords(ACTIVITIES)).as(extra.name()).isPositive();
            }
        });
        for (ExtraInstance extra : extras) {
            extra.kill();
            assertThat(extra.isAlive()).isFalse();
        }
        for (List<Activity> batch : batches.subList(half, batches.size())) {
            send(gateway, crm, batch);
        }
        // CRMs retry: the first batches once more, all duplicates now.
        for (List<Activity> batch : batches.subList(0, 2)) {
            send(gateway, crm, batch);
        }

        await("figures and awards of a single instance").atMost(SalesOps.PATIENCE.multipliedBy(2))
                .pollDelay(Duration.ZERO).pollInterval(SalesOps.LOOK_AGAIN).untilAsserted(() -> {
                    for (String rep : reps) {
                        ops.assertScorecard(rep, PERIOD, book, targetByRep.get(rep));
                        Map<String, List<BigDecimal>> expected =
                                TERMS.openAwards(book.revenue(rep), targetByRep.get(rep), book.newCustomers(rep));
                        assertThat(ops.awards(rep, PERIOD)).as(rep).isEqualTo(expected);
                        assertThat(ops.statementNet(rep, PERIOD)).as(rep)
                                .isEqualByComparingTo(IncentiveTerms.sum(expected));
                    }
                    for (String team : List.of("so-t1", "so-t2")) {
                        List<String> members = reps.stream().filter(rep -> teamOf.get(rep).equals(team)).toList();
                        assertThat(Gateway.decimal(ops.teamScorecard(team, PERIOD).at("/metrics/REVENUE/actual")))
                                .as(team).isEqualByComparingTo(book.revenue(members));
                    }
                });
    }

    private static void send(Gateway gateway, String token, List<Activity> batch) {
        gateway.post("/api/activities/batch", token, Map.of("activities", batch.stream().map(Activity::json).toList()))
                .expect(202);
    }

    /**
     * Each rep's month, recorded in the book: a deal that is cancelled, then three deals making their share of
     * the target (two with the same customer), calls, a visit and leads — interleaved across reps, in batches of
     * a dozen, with every fifth activity sent a second time in the next batch.
     */
    private static List<List<Activity>> stream(List<String> reps, Map<String, BigDecimal> targets, ActivityBook book) {
        List<List<Activity>> perRep = new ArrayList<>();
        for (int i = 0; i < reps.size(); i++) {
            String rep = reps.get(i);
            BigDecimal total = targets.get(rep).multiply(new BigDecimal(SHARES.get(i)))
                    .setScale(2, RoundingMode.HALF_UP);
            BigDecimal first = total.multiply(new BigDecimal("0.5")).setScale(2, RoundingMode.HALF_UP);
            BigDecimal second = total.multiply(new BigDecimal("0.3")).setScale(2, RoundingMode.HALF_UP);
            BigDecimal small = targets.get(rep).multiply(new BigDecimal("0.1")).setScale(2, RoundingMode.HALF_UP);
            String c = "so-c-" + rep + "-";
            perRep.add(List.of(
                    Activity.lead("so", rep + "-lead-1", rep, at(PERIOD, 1), c + "1", "REFERRAL"),
                    Activity.deal("so", rep + "-dx", rep, at(PERIOD, 3), c + "x", small, null),
                    Activity.followUp("so", rep + "-call-1", rep, at(PERIOD, 4), "CALL", c + "1"),
                    Activity.cancellation("so", rep + "-dx", rep, at(PERIOD, 5)),
                    Activity.deal("so", rep + "-d1", rep, at(PERIOD, 12), c + "1", first, null),
                    Activity.followUp("so", rep + "-call-2", rep, at(PERIOD, 9), "CALL", c + "2"),
                    Activity.lead("so", rep + "-lead-2", rep, at(PERIOD, 8), c + "2", "PARTNER"),
                    Activity.deal("so", rep + "-d2", rep, at(PERIOD, 7), c + "2", second, null),
                    Activity.followUp("so", rep + "-visit-1", rep, at(PERIOD, 14), "VISIT", c + "2"),
                    Activity.followUp("so", rep + "-call-3", rep, at(PERIOD, 20), "CALL", c + "1"),
                    Activity.deal("so", rep + "-d3", rep, at(PERIOD, 26), c + "1",
                            total.subtract(first).subtract(second), null),
                    Activity.followUp("so", rep + "-call-4", rep, at(PERIOD, 27), "CALL", c + "2")));
        }
        List<Activity> interleaved = new ArrayList<>();
        for (int step = 0; step < perRep.get(0).size(); step++) {
            for (List<Activity> month : perRep) {
                interleaved.add(book.record(month.get(step)));
            }
        }
        List<List<Activity>> batches = new ArrayList<>();
        List<Activity> again = new ArrayList<>();
        for (int from = 0; from < interleaved.size(); from += 12) {
            List<Activity> batch = new ArrayList<>(again);
            again.clear();
            List<Activity> fresh = interleaved.subList(from, Math.min(from + 12, interleaved.size()));
            batch.addAll(fresh);
            for (int i = 0; i < fresh.size(); i += 5) {
                again.add(fresh.get(i));
            }
            batches.add(batch);
        }
        return batches;
    }

    /** How many members of the consumer group were given partitions of the topic (the group as Kafka sees it). */
    private static long membersWithPartitionsOf(RunningSystem system, String group, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                "127.0.0.1:" + system.port("kafka")))) {
            ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all()
                    .get(10, TimeUnit.SECONDS).get(group);
            return description.members().stream()
                    .filter(member -> member.assignment().topicPartitions().stream()
                            .anyMatch(partition -> partition.topic().equals(topic)))
                    .count();
        }
    }

    /** Rep ids whose activity lands on every partition of the topic alike (Kafka's default partitioner). */
    private static List<String> repsOnEveryPartition(int count) {
        Map<Integer, List<String>> byPartition = new TreeMap<>();
        List<String> reps = new ArrayList<>();
        for (int n = 1; reps.size() < count; n++) {
            String rep = String.format("so-r%03d", n);
            int partition = Utils.toPositive(Utils.murmur2(rep.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
            List<String> on = byPartition.computeIfAbsent(partition, p -> new ArrayList<>());
            if (on.size() < count / PARTITIONS) {
                on.add(rep);
                reps.add(rep);
            }
        }
        return reps;
    }
}
