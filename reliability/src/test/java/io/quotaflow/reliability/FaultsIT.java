package io.quotaflow.reliability;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole system, started once, put through one fault after another while a known stream of activity flows in
 * through the gateway; after each, the KPIs and awards of that fault's own reps must equal the reference computed
 * from what was sent. The faults run in order against the same system, so the class orders its tests.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsIT {

    static final Mode MODE = Mode.current();
    private static final Duration SETTLE = Duration.ofMinutes(3);

    static EmbeddedSystem system;
    static Api api;
    static Report report;
    static final Map<String, Slice> slices = new LinkedHashMap<>();
    /** How long after the last fault settled every slice is compared again. */
    private static final Duration LOOK_AGAIN = Duration.ofSeconds(2);
    private static final Map<String, Slice.Comparison> settled = new java.util.concurrent.ConcurrentHashMap<>();
    private static volatile Instant lastSettled = Instant.now();

    @BeforeAll
    static void startTheSystemAndItsSalesOrg() {
        report = new Report(MODE.name());
        Instant started = Instant.now();
        system = EmbeddedSystem.start(Duration.ofMinutes(5));
        api = new Api(system.gateway());
        long seed = Long.getLong("reliability.seed", System.nanoTime());
        System.out.println("[reliability] " + MODE.name() + " form, seed " + seed + ", system up in "
                + Duration.between(started, Instant.now()).toSeconds() + " s");
        for (String name : List.of("kill", "broker", "mongo", "order", "rebalance", "hostile", "flood", "steady",
                "soak")) {
            slices.put(name, new Slice(name, name.equals("soak") ? 20 : 4, api, seed + name.hashCode()));
        }
        SalesOrg.create(api, slices.values(), YearMonth.now(Activity.ZONE));
    }

    @AfterAll
    static void stopTheSystem() {
        if (report != null) {
            System.out.println(report.markdown());
            report.write(Path.of("target/reliability-report.md"));
        }
        if (system != null) {
            system.close();
        }
    }

    @Test
    @Order(1)
    void shouldLoseAndDoubleNothingWhenKpiAndIncentiveServicesAreKilledMidStream() {
        Slice slice = slices.get("kill");
        List<String> kills = new ArrayList<>();
        Duration longestRestart = Duration.ZERO;
        try (Feed feed = Feed.start(slice, 10, 150)) {
            for (int round = 1; round <= MODE.killRounds(); round++) {
                EmbeddedSystem.pause(Duration.ofMillis(1000 + slice.random().nextInt(3000)));
                system.kill("kpi-service");
                EmbeddedSystem.pause(Duration.ofMillis(slice.random().nextInt(2000)));
                system.kill("incentive-service");
                kills.add("round " + round);
                EmbeddedSystem.pause(Duration.ofMillis(slice.random().nextInt(2000)));
                Instant restart = Instant.now();
                system.start("kpi-service", "kpi-service");
                system.start("incentive-service", "incentive-service");
                system.awaitHealthy(List.of("kpi-service", "incentive-service"), Duration.ofMinutes(6));
                Duration took = Duration.between(restart, Instant.now());
                longestRestart = took.compareTo(longestRestart) > 0 ? took : longestRestart;
            }
        }
        Duration recovered = awaitReference(slice);
        report.add("kill -9 of kpi-service and incentive-service, " + MODE.killRounds() + " times each, mid-stream",
                "ingestion " + slice.statuses() + "; restart to UP at most " + longestRestart.toSeconds()
                        + " s; figures equal the reference " + recovered.toSeconds() + " s after the stream ended",
                slice.deliveries(), settled(slice));
        assertThat(slice.violations()).isEmpty();
    }

    @Test
    @Order(2)
    void shouldAnswer503UntilTheBrokerIsBackAndThenCountEverythingOnce() {
        Slice slice = slices.get("broker");
        Duration outage;
        List<Health.Change> health;
        try (Feed feed = Feed.start(slice, 10, 150);
             Health kpi = Health.watch(system.url("kpi-service"))) {
            EmbeddedSystem.pause(Duration.ofSeconds(3));
            Instant stopped = Instant.now();
            system.stopKafka();
            EmbeddedSystem.pause(MODE.brokerOutage());
            system.startKafka();
            outage = Duration.between(stopped, Instant.now());
            awaitUp(kpi);
            health = kpi.changes();
        }
        Duration recovered = awaitReference(slice);
        Map<Integer, Integer> statuses = slice.statuses();
        report.add("Kafka broker stopped " + MODE.brokerOutage().toSeconds() + " s mid-stream, restarted",
                "ingestion " + statuses + " (503s problem+json with Retry-After); outage " + outage.toSeconds()
                        + " s; longest wait for a 202 " + slice.longestWaitForAcceptance().toSeconds()
                        + " s; kpi-service health " + describe(health) + "; figures equal the reference "
                        + recovered.toSeconds() + " s after the stream ended",
                slice.deliveries(), settled(slice));
        assertThat(slice.violations()).isEmpty();
        assertThat(statuses.keySet()).as("only 202 and 503 answers").allMatch(s -> s == 202 || s == 503 || s == 0);
    }

    @Test
    @Order(3)
    void shouldPauseConsumersWhileMongoDbIsDownAndSkipNothing() {
        Slice slice = slices.get("mongo");
        List<Health.Change> health;
        Duration outage;
        try (Feed feed = Feed.start(slice, 10, 150);
             Health kpi = Health.watch(system.url("kpi-service"))) {
            EmbeddedSystem.pause(Duration.ofSeconds(3));
            Instant stopped = Instant.now();
            system.stopMongo();
            EmbeddedSystem.pause(MODE.databaseOutage());
            system.startMongo();
            outage = Duration.between(stopped, Instant.now());
            awaitUp(kpi);
            health = kpi.changes();
        }
        Duration recovered = awaitReference(slice);
        report.add("MongoDB stopped " + MODE.databaseOutage().toSeconds() + " s mid-stream, back with its data",
                "ingestion " + slice.statuses() + "; outage " + outage.toSeconds() + " s; kpi-service health "
                        + describe(health) + "; figures equal the reference " + recovered.toSeconds()
                        + " s after the stream ended",
                slice.deliveries(), settled(slice));
        assertThat(slice.violations()).isEmpty();
        assertThat(health.stream().map(Health.Change::status)).contains("DOWN").last().isEqualTo("UP");
    }

    @Test
    @Order(4)
    void shouldCountOutOfOrderLateAndDuplicatedDeliveriesFromEveryPathOnceAndPayThoseOfAClosedMonthAfterIt() {
        Slice slice = slices.get("order");
        YearMonth lastMonth = YearMonth.now(Activity.ZONE).minusMonths(1);
        Map<String, BigDecimal> targets = PeriodClose.approveTargets(api, slice, lastMonth,
                BigDecimal.valueOf(100L * slices.values().stream().mapToInt(s -> s.reps().size()).sum()));
        Deliveries deliveries = new Deliveries(api, slice, system.hubspot());
        int half = (MODE.name().equals("long") ? 400 : 80) / 2;

        // Last month still open: a third of the activity is of it.
        List<Activity> beforeClose = deliveries.unique(half, lastMonth, 3);
        deliveries.sendShuffledWithRepeats(beforeClose);
        awaitReference(slice);

        // Closed through the gateway, as sales ops do; it pays ranks and the team bonus on what it has.
        Instant closing = Instant.now();
        JsonNode closed = PeriodClose.close(api, lastMonth);
        Duration closeTook = Duration.between(closing, Instant.now());
        Map<String, List<BigDecimal>> closeAwards = PeriodClose.expected(slice.reference().expected(), lastMonth,
                slice.reps(), targets.get("TEAM:" + slice.team()));
        assertThat(PeriodClose.awards(closed, slice.reps())).as("the close's rank and team awards")
                .isEqualTo(closeAwards);
        slice.reference().closed(lastMonth, closeAwards);

        // Then late: half of the new activity back-dated into the closed month, and cancellations of its deals.
        List<Activity> late = new ArrayList<>(deliveries.unique(half, lastMonth, 2));
        late.addAll(deliveries.cancellationsOf(beforeClose, 4));
        Map<String, Integer> lateByPath = deliveries.sendShuffledWithRepeats(late);
        assertThat(lateByPath.keySet()).as("paths that delivered into the closed month")
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(Deliveries.Path.values())
                        .map(path -> path.name().toLowerCase()).toList());
        Duration recovered = awaitReference(slice);
        assertThat(PeriodClose.awards(PeriodClose.close(api, lastMonth), slice.reps()))
                .as("closing again pays nothing new").isEqualTo(closeAwards);

        long lateInClosed = late.stream().filter(a -> a.period().equals(lastMonth)).count();
        report.add("out-of-order, late (back-dated into a closed month) and duplicated deliveries on every ingestion "
                        + "path",
                "deliveries per path " + deliveries.perPath() + "; answers " + slice.statuses() + "; " + lastMonth
                        + " closed after " + beforeClose.size() + " activities (" + closeTook.toSeconds() + " s), its "
                        + "rank and team awards " + closeAwards + "; then " + late.size() + " more, " + lateInClosed
                        + " of them back-dated into the closed month (cancellations included; their deliveries per path "
                        + lateByPath + "); figures, closed "
                        + "statements and adjustments equal the reference " + recovered.toSeconds()
                        + " s after the last delivery",
                slice.deliveries(), settled(slice));
        assertThat(slice.violations()).isEmpty();
    }

    @Test
    @Order(5)
    void shouldCountEverythingOnceWhileASecondKpiInstanceJoinsAndLeaves() {
        Slice slice = slices.get("rebalance");
        Duration joined;
        try (Feed feed = Feed.start(slice, 10, 150)) {
            EmbeddedSystem.pause(Duration.ofSeconds(2));
            Instant start = Instant.now();
            system.start("kpi-service-b", "kpi-service");
            system.awaitHealthy(List.of("kpi-service-b"), Duration.ofMinutes(6));
            joined = Duration.between(start, Instant.now());
            EmbeddedSystem.pause(Duration.ofSeconds(3 + slice.random().nextInt(4)));
            system.stop("kpi-service-b");
            EmbeddedSystem.pause(Duration.ofSeconds(2));
        }
        Duration recovered = awaitReference(slice);
        report.add("a second kpi-service instance joins and leaves mid-stream (two rebalances)",
                "ingestion " + slice.statuses() + "; second instance UP after " + joined.toSeconds()
                        + " s; figures equal the reference " + recovered.toSeconds() + " s after the stream ended",
                slice.deliveries(), settled(slice));
        assertThat(slice.violations()).isEmpty();
    }

    @Test
    @Order(6)
    void shouldRefuseEveryHostileInputWithA4xxProblemAndStoreNothing() {
        Slice slice = slices.get("hostile");
        HostileInputs.Result result = new HostileInputs(api, slice, system).run();
        assertThat(result.failures()).as(String.join("\n", result.failures())).isEmpty();
        report.add("hostile-input catalogue through the gateway, every service",
                result.cases() + " cases; answers " + result.statuses() + "; 5xx: " + result.serverErrors()
                        + "; stack traces: " + result.stackTraces(), result.cases(), compareNow(slice));
        assertThat(result.cases()).isGreaterThanOrEqualTo(100);
    }

    @Test
    @Order(7)
    void shouldAnswer429ToAFloodingIdentityAndServeAnotherAsUsual() {
        Slice flooder = slices.get("flood");
        Slice steady = slices.get("steady");
        Flood.Result result = new Flood(flooder, steady).run(MODE.flood());
        Duration recovered = awaitReference(flooder);
        awaitReference(steady);
        Slice.Comparison both = combine(settled(flooder), settled(steady));
        report.add("flood: " + result.floodRate() + " requests/s (10x the steady " + result.steadyRate()
                        + "/s) for " + MODE.flood().toSeconds() + " s from one identity",
                "flooder " + result.flooderStatuses() + " (first 429 after " + result.first429().toMillis()
                        + " ms, Retry-After " + result.retryAfter() + " s); other identity " + result.steadyStatuses()
                        + ", its slowest answer " + result.steadySlowest().toMillis()
                        + " ms; figures equal the reference " + recovered.toSeconds() + " s after",
                flooder.deliveries() + steady.deliveries(), both);
        assertThat(result.flooderStatuses()).containsKey(429);
        assertThat(result.steadyStatuses().keySet()).containsOnly(202);
        assertThat(flooder.violations()).isEmpty();
    }

    @Test
    @Order(8)
    void shouldHoldASteadyRateWithFlatMemoryAndNoGrowingLag() {
        Slice slice = slices.get("soak");
        List<Soak.Sample> samples = new Soak(system, api, slice).run(MODE.soakEventsPerSecond(), MODE.soakFor(),
                MODE.soakSampleEvery());
        Duration recovered = awaitReference(slice);
        Soak.Sample early = samples.get(Math.min(samples.size() - 1, Math.max(1, samples.size() / 3)));
        Soak.Sample last = samples.get(samples.size() - 1);
        report.add("soak: " + MODE.soakEventsPerSecond() + " events/s for " + MODE.soakFor().toSeconds() + " s",
                "kpi-service lag at " + early.at().toSeconds() + " s " + early.lag() + ", at the end " + last.lag()
                        + "; live heap after a full GC at " + early.at().toSeconds() + " s " + early.liveHeapBytes()
                        + ", at the end " + last.liveHeapBytes() + "; figures equal the reference "
                        + recovered.toSeconds() + " s after the stream ended",
                slice.deliveries(), settled(slice));
        long maxLag = samples.stream().skip(samples.size() / 2).mapToLong(Soak.Sample::lag).max().orElse(0);
        assertThat(maxLag).as("lag in the second half").isLessThanOrEqualTo(Math.max(5L * MODE.soakEventsPerSecond(),
                2 * samples.stream().limit(Math.max(1, samples.size() / 2)).mapToLong(Soak.Sample::lag).max().orElse(0)));
        assertThat(samples).as("samples of lag and heap").hasSizeGreaterThanOrEqualTo(3);
        if (Soak.measuresLiveHeap()) {
            assertThat(early.liveHeapBytes().values()).as("live heap of each service after a full GC, measured")
                    .allMatch(bytes -> bytes > 0);
        }
        early.liveHeapBytes().entrySet().stream().filter(heap -> heap.getValue() > 0).forEach(heap ->
                assertThat(last.liveHeapBytes().get(heap.getKey())).as(heap.getKey() + " live heap after a full GC")
                        .isLessThanOrEqualTo((long) (heap.getValue() * 1.5) + 32L * 1024 * 1024));
    }

    @Test
    @Order(9)
    void shouldStillEqualTheReferenceWhenEveryFaultIsOver() {
        // A late double count would show here: every slice again, at least LOOK_AGAIN after the last one settled.
        EmbeddedSystem.pause(Duration.ofMillis(Math.max(0,
                LOOK_AGAIN.minus(Duration.between(lastSettled, Instant.now())).toMillis())));
        List<String> differences = new ArrayList<>();
        settled.keySet().forEach(name -> differences.addAll(slices.get(name).compare().differences()));
        assertThat(differences).as("differences from the reference after all faults, in " + settled.keySet())
                .isEmpty();
    }

    // ---- helpers

    /** Waits until the slice's figures equal the reference; how long that took. */
    static Duration awaitReference(Slice slice) {
        Instant start = Instant.now();
        AtomicReference<Slice.Comparison> last = new AtomicReference<>();
        try {
            await().atMost(SETTLE).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(500)).until(() -> {
                last.set(slice.compare());
                return last.get().differences().isEmpty();
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError(slice.name() + ": after " + SETTLE + " the system still differs from the "
                    + "reference: " + (last.get() == null ? "?" : last.get().differences()), e);
        }
        settle(slice, last.get());
        return Duration.between(start, Instant.now());
    }

    /** Compares at once: the slice must already equal the reference (nothing was to be counted). */
    static Slice.Comparison compareNow(Slice slice) {
        Slice.Comparison comparison = slice.compare();
        assertThat(comparison.differences()).as(slice.name() + " differences").isEmpty();
        settle(slice, comparison);
        return comparison;
    }

    /** The comparison that found the slice equal to the reference (compared again at the end of the run). */
    static Slice.Comparison settled(Slice slice) {
        return settled.get(slice.name());
    }

    private static void settle(Slice slice, Slice.Comparison comparison) {
        settled.put(slice.name(), comparison);
        lastSettled = Instant.now();
    }

    /** Until the service's health says UP again. */
    private static void awaitUp(Health health) {
        await().atMost(Duration.ofMinutes(2)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(300))
                .until(() -> !health.changes().isEmpty()
                        && health.changes().get(health.changes().size() - 1).status().equals("UP"));
    }

    private static Slice.Comparison combine(Slice.Comparison a, Slice.Comparison b) {
        List<String> differences = new ArrayList<>(a.differences());
        differences.addAll(b.differences());
        return new Slice.Comparison(a.sent() + b.sent(), a.expectedCounted() + b.expectedCounted(),
                a.counted() + b.counted(), a.expectedAwards().add(b.expectedAwards()), a.awarded().add(b.awarded()),
                differences);
    }

    private static String describe(List<Health.Change> changes) {
        if (changes.isEmpty()) {
            return "–";
        }
        Instant first = changes.get(0).at();
        StringBuilder out = new StringBuilder();
        for (Health.Change change : changes) {
            if (out.length() > 0) {
                out.append(" → ");
            }
            out.append(change.status()).append(" (").append(Duration.between(first, change.at()).toSeconds())
                    .append(" s)");
        }
        return out.toString();
    }

}
