package io.quotaflow.benchmarks;

import io.quotaflow.events.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

/**
 * B3 and B6: kpi-service catching up on the {@code sales-activities} topic pre-loaded with N events — a fresh
 * database, no committed offsets — until every aggregate is durable (its consumption status says lag 0 against the
 * ledger's checkpoints) and readable (the company's revenue this month is exactly what the events add up to).
 */
final class KpiReplay {

    static final String SERVICE = "kpi-service";

    /**
     * @param eventsPerSecond events applied after the service reported UP, per second until caught up
     * @param cpuSeconds      the service's CPU time over the same span
     * @param peakRssBytes    the service's peak resident memory
     */
    record Result(long events, double seconds, double eventsPerSecond, double cpuSeconds, long peakRssBytes) {

        double microsPerEvent() {
            return seconds * 1e6 / events;
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

    /** Starts kpi-service on a fresh database and measures its catch-up; leaves it running. */
    Result replay(String adminToken, Duration timeout) {
        stack.stopService(SERVICE);
        stack.deleteGroup(SERVICE);
        stack.startServices(Map.of(SERVICE, Map.of("MONGODB_DATABASE", "kpi-bench-" + loaded)), Duration.ofMinutes(10));
        stack.awaitAuthenticated(SERVICE, "/api/kpis/whoami", adminToken, Duration.ofMinutes(2));
        ProcessHandle process = stack.process(SERVICE);
        long start = System.nanoTime();
        java.time.Duration cpuAtStart = Stack.cpu(process);
        long appliedAtStart = applied(status(adminToken));
        while (true) {
            JsonNode status = status(adminToken);
            if (status.path("caughtUp").asBoolean(false) && applied(status) >= loaded) {
                break;
            }
            if (KafkaLimit.seconds(start) > timeout.toSeconds()) {
                throw new IllegalStateException("kpi-service did not catch up within " + timeout + ": " + status);
            }
            // Once a second: the status costs the service a Kafka admin call and a MongoDB read.
            Pause.millis(1000);
        }
        double seconds = KafkaLimit.seconds(start);
        double cpu = (Stack.cpu(process).toMillis() - cpuAtStart.toMillis()) / 1000.0;
        BigDecimal expected = workload.revenueThisMonth(loaded);
        BigDecimal actual = companyRevenue(adminToken);
        if (actual.compareTo(expected) != 0) {
            throw new IllegalStateException("caught up, but the company's revenue is " + actual + ", not " + expected);
        }
        long events = loaded - appliedAtStart;
        return new Result(events, seconds, events / seconds, cpu, Stack.peakRss(process));
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
