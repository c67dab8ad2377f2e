package io.quotaflow.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** B5: rep scorecards read at a fixed concurrency, through the gateway or straight from kpi-service. */
final class Queries {

    record Result(double requestsPerSecond, double p50, double p99, long errors) {
    }

    static Result measure(String baseUrl, String token, Workload workload, int connections, double seconds) {
        run(baseUrl, token, workload, connections, Math.max(1, seconds / 5), new Latencies(), new AtomicLong());
        Latencies latencies = new Latencies();
        AtomicLong errors = new AtomicLong();
        double elapsed = run(baseUrl, token, workload, connections, seconds, latencies, errors);
        return new Result(latencies.count() / elapsed, latencies.percentile(50), latencies.percentile(99),
                errors.get());
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
