package io.quotaflow.benchmarks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * B2: batch ingestion through the gateway ({@code POST /api/activities/batch}, up to 1,000 a request, an
 * INTEGRATION-or-ADMIN token), counted when answered 202 — activity-service answers only once Kafka acknowledged
 * every event of the batch.
 */
final class Ingest {

    static final String BATCH_PATH = "/api/activities/batch";

    private final Stack stack;
    private final Workload workload;
    private final Http http = new Http();
    private final AtomicLong sequence = new AtomicLong();
    private final String run = Long.toString(System.currentTimeMillis(), 36);

    Ingest(Stack stack, Workload workload) {
        this.stack = stack;
        this.workload = workload;
    }

    /** A batch of new activities for the generated reps (never the probe reps). */
    List<Map<String, Object>> batch(int size) {
        List<Map<String, Object>> activities = new ArrayList<>(size);
        Instant at = Instant.now().minusSeconds(5);
        for (int i = 0; i < size; i++) {
            long n = sequence.getAndIncrement();
            activities.add(workload.apiActivity("api-" + run + "-" + n, n, at));
        }
        return activities;
    }

    /** Sends the activities; the number accepted (202), or an exception naming what went wrong. */
    long send(String token, List<Map<String, Object>> activities) {
        Http.Response response = http.post(stack.url("gateway") + BATCH_PATH, token, Map.of("activities", activities));
        if (response.status() != 202) {
            throw new IllegalStateException("batch refused: " + response.status() + " " + response.body());
        }
        long accepted = response.json().path("accepted").asLong();
        if (accepted != activities.size()) {
            throw new IllegalStateException("batch partly rejected: " + response.body());
        }
        return accepted;
    }

    /**
     * What B2 measured: events per second accepted, and the CPU each process spent per accepted event meanwhile
     * (µs; {@code harness} is the benchmark's own JVM: its clients, the Kafka broker and the embedded MongoDB).
     */
    record Measured(double eventsPerSecond, Map<String, Double> cpuPerEvent) {

        /** Events per second the cores allow were every process's CPU the only limit. */
        double ceiling(int cores) {
            return cores * 1e6 / cpuPerEvent.values().stream().mapToDouble(Double::doubleValue).sum();
        }
    }

    /**
     * Events per second accepted over {@code batches} batches of {@code size} from {@code clients} clients, and what
     * they cost the named services and the harness.
     */
    Measured measure(String token, int batches, int size, int clients, List<String> services) {
        List<Map<String, Object>> warmUp = batch(size);
        Http.Response first = Http.patiently(() -> http.post(stack.url("gateway") + BATCH_PATH, token,
                Map.of("activities", warmUp)));
        if (first.status() != 202) {
            throw new IllegalStateException("batch refused: " + first.status() + " " + first.body());
        }
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicLong accepted = new AtomicLong();
        List<List<Map<String, Object>>> bodies = new ArrayList<>();
        for (int i = 0; i < batches; i++) {
            bodies.add(batch(size));
        }
        Map<String, ProcessHandle> processes = new LinkedHashMap<>();
        services.forEach(service -> processes.put(service, stack.process(service)));
        processes.put("harness", ProcessHandle.current());
        Map<String, Long> cpuAt = new LinkedHashMap<>();
        processes.forEach((name, process) -> cpuAt.put(name, Stack.cpu(process).toNanos()));
        long start = System.nanoTime();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (List<Map<String, Object>> body : bodies) {
                done.add(pool.submit(() -> accepted.addAndGet(send(token, body))));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("ingestion failed", e);
        } finally {
            pool.shutdownNow();
        }
        double rate = accepted.get() / KafkaLimit.seconds(start);
        Map<String, Double> cpuPerEvent = new LinkedHashMap<>();
        processes.forEach((name, process) -> cpuPerEvent.put(name,
                (Stack.cpu(process).toNanos() - cpuAt.get(name)) / 1e3 / Math.max(1, accepted.get())));
        return new Measured(rate, cpuPerEvent);
    }
}
