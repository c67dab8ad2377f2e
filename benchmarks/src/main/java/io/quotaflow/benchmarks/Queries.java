package io.quotaflow.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** B5: rep scorecards read at a fixed concurrency, through the gateway and straight from kpi-service. */
final class Queries {

    record Result(double requestsPerSecond, double p50, double p99, long errors) {
    }

    /**
     * Both paths in alternating slices (gateway, direct, gateway, …; four of each), after a warm-up of each, so that
     * a change in the machine's load during the run falls on both alike.
     */
    static Result[] gatewayAndDirect(String gatewayUrl, String directUrl, String token, Workload workload,
                                     int connections, double seconds) {
        double slice = seconds / 4;
        run(gatewayUrl, token, workload, connections, Math.max(1, slice), new Latencies(), new AtomicLong());
        run(directUrl, token, workload, connections, Math.max(1, slice), new Latencies(), new AtomicLong());
        Latencies[] latencies = {new Latencies(), new Latencies()};
        AtomicLong[] errors = {new AtomicLong(), new AtomicLong()};
        double[] elapsed = new double[2];
        for (int round = 0; round < 4; round++) {
            elapsed[0] += run(gatewayUrl, token, workload, connections, slice, latencies[0], errors[0]);
            elapsed[1] += run(directUrl, token, workload, connections, slice, latencies[1], errors[1]);
        }
        Result[] results = new Result[2];
        for (int i = 0; i < 2; i++) {
            results[i] = new Result(latencies[i].count() / elapsed[i], latencies[i].percentile(50),
                    latencies[i].percentile(99), errors[i].get());
        }
        return results;
    }

    private static double run(String baseUrl, String token, Workload workload, int connections, double seconds,
                              Latencies latencies, AtomicLong errors) {
        Http http = new Http();
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            int client = c;
            Thread thread = new Thread(() -> {
                long n = client;
                while (System.nanoTime() < end) {
                    String url = baseUrl + "/api/kpis/reps/" + workload.rep(n) + "?period=" + workload.period();
                    n += connections;
                    long sent = System.nanoTime();
                    Http.Response response = http.get(url, token);
                    if (response.status() == 200) {
                        latencies.add((System.nanoTime() - sent) / 1e6);
                    } else {
                        errors.incrementAndGet();
                    }
                }
            }, "bench-query-" + c);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return KafkaLimit.seconds(start);
    }
}
