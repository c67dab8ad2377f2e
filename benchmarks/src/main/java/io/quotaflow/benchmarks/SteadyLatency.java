package io.quotaflow.benchmarks;

import io.quotaflow.events.EventEnvelope;
import io.quotaflow.events.Topics;
import io.quotaflow.events.incentive.IncentiveAwarded;
import io.quotaflow.events.incentive.IncentiveEvent;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * B4: latency under a steady load through the gateway. Beside the load, probe threads send one deal at a time for
 * a probe rep (each worth 5 % of the rep's target) and time it from its 202 to (a) the rep's scorecard showing it
 * (polled straight from kpi-service) and (b) the {@code IncentiveAwarded} of the threshold tier it reaches, read
 * from the {@code incentives} topic.
 */
final class SteadyLatency {

    static final String PLAN_ID = "bench-thresholds";
    /** Threshold tiers 5 %, 10 %, … 300 %: three rules of 20 tiers (a rule holds at most 20). */
    static final int TIERS = 60;

    static final Duration VISIBLE_WAIT = Duration.ofSeconds(30);
    static final Duration AWARD_WAIT = Duration.ofSeconds(20);
    /**
     * How often a probe reads the scorecard: every 20 ms for its first second (the goal is 500 ms), every 100 ms
     * after that. Each read costs kpi-service, the harness's MongoDB and the harness's client about 2 ms of CPU
     * together; polling every 5 ms, four probes waiting behind a backlog took most of kpi-service's CPU from the
     * aggregation they were waiting for (JFR: 70 % of its samples were the probes' reads).
     */
    static final Duration FINE_POLLING = Duration.ofSeconds(1);
    static final long FINE_POLL_MS = 20;
    static final long COARSE_POLL_MS = 100;

    /** Probes not seen within the wait count as the wait: the percentiles are then lower bounds. */
    record Result(double achievedRate, Latencies visible, Latencies awarded, long probes, long unseenVisible,
                  long unseenAwards) {
    }

    private final Stack stack;
    private final Workload workload;
    private final Ingest ingest;
    private final Http http = new Http();

    SteadyLatency(Stack stack, Workload workload, Ingest ingest) {
        this.stack = stack;
        this.workload = workload;
        this.ingest = ingest;
    }

    /** The incentive plan: a threshold award at every 5 % of REVENUE attainment, for the probe team. */
    void publishPlan(String adminToken) {
        List<Map<String, Object>> rules = new ArrayList<>();
        for (int rule = 0; rule < TIERS / 20; rule++) {
            List<Map<String, Object>> tiers = new ArrayList<>();
            for (int step = 1; step <= 20; step++) {
                tiers.add(Map.of("level", level(rule * 20 + step), "amount", "10.00"));
            }
            rules.add(Map.of("ruleId", "bench-tier-" + (rule + 1), "type", "THRESHOLD", "metric", "REVENUE",
                    "tiers", tiers));
        }
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("name", "Benchmark thresholds");
        plan.put("effectiveFrom", workload.period().atDay(1).toString());
        plan.put("effectiveTo", null);
        plan.put("currency", "CNY");
        plan.put("eligibility", Map.of("roles", List.of("REP"), "teamIds", List.of("t-probe")));
        plan.put("rules", rules);
        Http.Response response = Http.patiently(
                () -> http.put(stack.url("gateway") + "/api/incentives/plans/" + PLAN_ID, adminToken, plan));
        if (response.status() != 200 && response.status() != 201) {
            throw new IllegalStateException("incentive plan refused: " + response.status() + " " + response.body());
        }
    }

    Result measure(String adminToken, int rate, Duration duration, int probeThreads) {
        Map<String, Long> acceptedAt = new ConcurrentHashMap<>();
        Map<String, Long> awardedAt = new ConcurrentHashMap<>();
        Latencies visible = new Latencies();
        AtomicLong unseenVisible = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        Thread awards = awardWatcher(awardedAt, stop);

        // The steady load: a tenth of the rate every 100 ms.
        AtomicLong accepted = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        ExecutorService senders = Executors.newFixedThreadPool(8);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        int perTick = Math.max(1, rate / 10);
        long start = System.nanoTime();
        ticker.scheduleAtFixedRate(() -> senders.submit(() -> {
            try {
                accepted.addAndGet(ingest.send(adminToken, ingest.batch(perTick)));
            } catch (RuntimeException e) {
                failures.incrementAndGet();
            }
        }), 0, 100, TimeUnit.MILLISECONDS);

        // The probes: each thread owns every n-th probe rep and walks it up one tier at a time.
        List<String> probeReps = workload.probeReps();
        AtomicLong probes = new AtomicLong();
        List<Thread> probers = new ArrayList<>();
        for (int t = 0; t < probeThreads; t++) {
            int thread = t;
            Thread prober = new Thread(() -> {
                Map<String, Integer> reached = new LinkedHashMap<>();
                for (int i = thread; i < probeReps.size(); i += probeThreads) {
                    reached.put(probeReps.get(i), 0);
                }
                while (!stop.get() && KafkaLimit.seconds(start) < duration.toSeconds()) {
                    String rep = reached.entrySet().stream().filter(e -> e.getValue() < TIERS)
                            .min(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
                    if (rep == null) {
                        break;
                    }
                    int tier = reached.get(rep) + 1;
                    if (!probe(adminToken, rep, tier, acceptedAt, visible)) {
                        unseenVisible.incrementAndGet();
                    }
                    reached.put(rep, tier);
                    probes.incrementAndGet();
                    Pause.millis(100);
                }
            }, "bench-probe-" + t);
            prober.start();
            probers.add(prober);
        }
        // The load lasts its duration, not as long as the last probe waits for its deal to show.
        // Batches offered but not yet answered still count, over the time they took.
        Pause.millis(duration.toMillis());
        ticker.shutdownNow();
        senders.shutdown();
        try {
            senders.awaitTermination(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        double elapsed = KafkaLimit.seconds(start);
        for (Thread prober : probers) {
            join(prober);
        }
        // The last awards may still be on their way.
        long deadline = System.nanoTime() + AWARD_WAIT.toNanos();
        while (!awardedAt.keySet().containsAll(acceptedAt.keySet()) && System.nanoTime() < deadline) {
            Pause.millis(100);
        }
        stop.set(true);
        join(awards);
        if (failures.get() > 0) {
            System.out.println("  (B4: " + failures.get() + " load batches failed)");
        }
        Latencies awarded = new Latencies();
        acceptedAt.forEach((key, sent) -> {
            Long award = awardedAt.get(key);
            if (award != null) {
                awarded.add(Math.max(0, award - sent) / 1e6);
            }
        });
        int missing = acceptedAt.size() - awarded.count();
        for (int i = 0; i < missing; i++) {
            awarded.add(AWARD_WAIT.toMillis());
        }
        return new Result(accepted.get() / elapsed, visible, awarded, probes.get(), unseenVisible.get(), missing);
    }

    /** Whether the deal became visible within {@link #VISIBLE_WAIT}. */
    private boolean probe(String adminToken, String rep, int tier, Map<String, Long> acceptedAt, Latencies visible) {
        String externalId = "probe-" + rep + "-" + tier + "-" + System.nanoTime();
        ingest.send(adminToken, List.of(Workload.probeDeal(rep, externalId, Instant.now().minusSeconds(1))));
        long accepted = System.nanoTime();
        acceptedAt.put(rep + "#" + tier, accepted);
        BigDecimal expected = Workload.PROBE_AMOUNT.multiply(BigDecimal.valueOf(tier));
        String url = stack.url(KpiReplay.SERVICE) + "/api/kpis/reps/" + rep + "?period=" + workload.period();
        while (System.nanoTime() - accepted < VISIBLE_WAIT.toNanos()) {
            Http.Response response = http.get(url, adminToken);
            if (response.status() == 200 && new BigDecimal(response.json().at("/metrics/REVENUE/actual").asString("0"))
                    .compareTo(expected) >= 0) {
                visible.add((System.nanoTime() - accepted) / 1e6);
                return true;
            }
            Pause.millis(System.nanoTime() - accepted < FINE_POLLING.toNanos() ? FINE_POLL_MS : COARSE_POLL_MS);
        }
        visible.add(VISIBLE_WAIT.toMillis());
        return false;
    }

    private Thread awardWatcher(Map<String, Long> awardedAt, AtomicBoolean stop) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "bench-awards-" + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"), new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(Topics.INCENTIVES.name()));
        while (consumer.assignment().isEmpty()) {
            consumer.poll(Duration.ofMillis(100));
        }
        consumer.seekToEnd(consumer.assignment());
        consumer.assignment().forEach(consumer::position);
        Thread thread = new Thread(() -> {
            try (consumer) {
                while (!stop.get()) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(50))) {
                        long now = System.nanoTime();
                        EventEnvelope<IncentiveEvent> envelope = Workload.codec().decode(record.value(),
                                IncentiveEvent.class);
                        if (envelope.payload() instanceof IncentiveAwarded) {
                            IncentiveAwarded award = (IncentiveAwarded) envelope.payload();
                            if (award.ruleId().startsWith("bench-tier-")) {
                                awardedAt.putIfAbsent(award.repId() + "#" + tierOf(award.tier()), now);
                            }
                        }
                    }
                }
            }
        }, "bench-awards");
        thread.start();
        return thread;
    }

    /** {@code "5%"} or {@code "0.05"} → 1; tiers are 5 % apart. */
    static int tierOf(String tier) {
        String text = tier.trim();
        BigDecimal percent = text.endsWith("%") ? new BigDecimal(text.substring(0, text.length() - 1))
                : new BigDecimal(text).movePointRight(2);
        return percent.divide(BigDecimal.valueOf(5)).intValueExact();
    }

    private static BigDecimal level(int step) {
        return BigDecimal.valueOf(step * 5L, 2);
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
