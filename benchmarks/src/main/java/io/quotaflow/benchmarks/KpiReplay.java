package io.quotaflow.benchmarks;

import io.quotaflow.events.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * B3 and B6: kpi-service catching up on the {@code sales-activities} topic pre-loaded with N events — a fresh
 * database, no committed offsets — until every aggregate is durable (its consumption status says lag 0 against the
 * ledger's checkpoints) and readable (the company's revenue this month is exactly what the events add up to). One
 * start and one catch-up serve every size: each size is a mark the catch-up passes.
 */
final class KpiReplay {

    static final String SERVICE = "kpi-service";
    /** The services whose work a catch-up drives: kpi-service, and incentive-service on what kpi-service derives. */
    static final List<String> DRIVEN = List.of(SERVICE, "incentive-service");
    /** kpi-service's database for the catch-up (B3, B6), and for the live service after it (B2, B4, B5). */
    static final String REPLAY_DATABASE = "kpi-bench-replay";
    static final String LIVE_DATABASE = "kpi-bench-live";

    /** A service's CPU time over a span and its peak resident memory. */
    record Usage(double cpuSeconds, long peakRssBytes) {
    }

    /**
     * @param eventsPerSecond events applied after the service reported UP, per second until caught up
     * @param usage           by service of {@link #DRIVEN}: CPU time over the same span and peak resident memory
     */
    record Result(long events, double seconds, double eventsPerSecond, Map<String, Usage> usage) {

        double microsPerEvent() {
            return seconds * 1e6 / events;
        }

        /** Each service's CPU time and peak RSS, for the log. */
        String usageSummary() {
            return usage.entrySet().stream().map(entry -> String.format("%s %.1f s CPU, peak RSS %d MB",
                    entry.getKey(), entry.getValue().cpuSeconds(), entry.getValue().peakRssBytes() >> 20))
                    .collect(Collectors.joining("; "));
        }

        /** A service's CPU time per event of the span, in µs. */
        double cpuMicrosPerEvent(String service) {
            return usage.get(service).cpuSeconds() * 1e6 / events;
        }
    }

    private final Stack stack;
    private final Workload workload;
    private final Http http = new Http();
    private long loaded;

    KpiReplay(Stack stack, Workload workload) {
        this.stack = stack;
        this.workload = workload;
    }

    long loaded() {
        return loaded;
    }

    /** Appends events until the topic holds {@code size} of them. */
    void preloadTo(long size) {
        try (KafkaProducer<String, byte[]> producer = KafkaLimit.producer(stack.bootstrapServers())) {
            for (long i = loaded; i < size; i++) {
                producer.send(workload.eventRecord(i));
            }
            producer.flush();
        }
        loaded = size;
    }

    /**
     * Starts kpi-service on a fresh database and measures one catch-up on everything loaded, noting when it passes
     * each mark (events durably applied): the result at a mark covers the span from the service's health UP to that
     * mark, and only the events applied within it. Checks the company's revenue once caught up; leaves it running.
     */
    Map<Long, Result> replay(String adminToken, Collection<Long> marks, Duration timeout) {
        stack.stopService(SERVICE);
        stack.deleteGroup(SERVICE);
        start(adminToken, REPLAY_DATABASE);
        Map<String, ProcessHandle> processes = new LinkedHashMap<>();
        DRIVEN.forEach(service -> processes.put(service, stack.process(service)));
        long start = System.nanoTime();
        Map<String, Duration> cpuAtStart = new HashMap<>();
        processes.forEach((service, process) -> cpuAtStart.put(service, Stack.cpu(process)));
        long appliedAtStart = applied(status(adminToken));
        TreeSet<Long> pending = new TreeSet<>(marks);
        Map<Long, Result> results = new TreeMap<>();
        while (true) {
            JsonNode status = status(adminToken);
            long applied = applied(status);
            double seconds = KafkaLimit.seconds(start);
            while (!pending.isEmpty() && applied >= pending.first()) {
                long mark = pending.pollFirst();
                if (mark <= appliedAtStart) {
                    continue; // applied before the service reported UP: nothing left to time
                }
                long events = mark - appliedAtStart;
                Map<String, Usage> usage = new LinkedHashMap<>();
                processes.forEach((service, process) -> usage.put(service, new Usage(
                        (Stack.cpu(process).toMillis() - cpuAtStart.get(service).toMillis()) / 1000.0,
                        Stack.peakRss(process))));
                results.put(mark, new Result(events, seconds, events / seconds, usage));
            }
            if (status.path("caughtUp").asBoolean(false) && applied >= loaded) {
                break;
            }
            if (seconds > timeout.toSeconds()) {
                throw new IllegalStateException("kpi-service did not catch up within " + timeout + ": " + status);
            }
            // The status costs the service a Kafka admin call and a MongoDB read.
            Pause.millis(250);
        }
        BigDecimal expected = workload.revenueThisMonth(loaded);
        BigDecimal actual = companyRevenue(adminToken);
        if (actual.compareTo(expected) != 0) {
            throw new IllegalStateException("caught up, but the company's revenue is " + actual + ", not " + expected);
        }
        return results;
    }

    /**
     * Replaces the kpi-service the catch-up left running by one on a fresh database that reads {@code sales-activities}
     * (and its own customer-deal changes) from their ends, and the org and targets from the beginning; the catch-up's
     * database is dropped. What B2, B4 and B5 measure is a running service taking new events and queries: on a
     * deployment's MongoDB the catch-up's documents would sit on disk, but the harness's keeps them in its heap, which
     * after millions of events would leave it collecting garbage, not serving (so it did in the first full runs).
     */
    void restartFresh(String adminToken) {
        stack.stopService(SERVICE);
        stack.dropDatabase(REPLAY_DATABASE);
        stack.deleteGroup(SERVICE);
        stack.moveGroupToEnd(SERVICE, Topics.SALES_ACTIVITIES.name());
        stack.moveGroupToEnd(SERVICE, Topics.KPI_CUSTOMER_DEALS.name());
        start(adminToken, LIVE_DATABASE);
    }

    private void start(String adminToken, String database) {
        stack.startServices(Map.of(SERVICE, Map.of("MONGODB_DATABASE", database)), Duration.ofMinutes(10));
        stack.awaitAuthenticated(SERVICE, "/api/kpis/whoami", adminToken, Duration.ofMinutes(2));
    }

    /** Waits until kpi-service has durably applied everything produced so far; the seconds it took, or -1. */
    double awaitCaughtUp(String adminToken, Duration timeout) {
        long start = System.nanoTime();
        while (KafkaLimit.seconds(start) < timeout.toSeconds()) {
            if (status(adminToken).path("caughtUp").asBoolean(false)) {
                return KafkaLimit.seconds(start);
            }
            Pause.millis(1000);
        }
        return -1;
    }

    BigDecimal companyRevenue(String adminToken) {
        Http.Response response = http.get(stack.url(SERVICE) + "/api/kpis/company?period=" + workload.period(),
                adminToken);
        if (response.status() != 200) {
            throw new IllegalStateException("company scorecard: " + response.status() + " " + response.body());
        }
        return new BigDecimal(response.json().at("/metrics/REVENUE/actual").asString("0"));
    }

    private JsonNode status(String adminToken) {
        Http.Response response = http.get(stack.url(SERVICE) + "/api/kpis/admin/consumption", adminToken);
        if (response.status() != 200) {
            throw new IllegalStateException("consumption status: " + response.status() + " " + response.body());
        }
        return response.json();
    }

    /** Events of {@code sales-activities} durably applied (checkpoint + 1 per partition). */
    private static long applied(JsonNode status) {
        long applied = 0;
        for (JsonNode topic : status.path("topics")) {
            if (topic.path("topic").asString().equals(Topics.SALES_ACTIVITIES.name())) {
                for (JsonNode partition : topic.path("partitions")) {
                    applied += partition.path("applied").asLong(-1) + 1;
                }
            }
        }
        return applied;
    }
}
