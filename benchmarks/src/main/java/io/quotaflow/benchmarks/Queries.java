package io.quotaflow.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** B5: rep scorecards read at a fixed concurrency, through the gateway and straight from kpi-service. */
final class Queries {

    record Result(double requestsPerSecond, double p50, double p99, long errors) {
    }

    /** The warm-up: each path's rate in its first slice (cold), and how long the warm-up took. */
    record Warmup(double gatewayCold, double directCold, double seconds, int slices) {
    }

    /**
     * CPU time per read over the measured slices, µs: the gateway's per read through it, kpi-service's per read
     * straight to it, and the harness's (the clients, beside the broker and MongoDB idling in the same JVM) per read
     * on each path. On a machine whose cores every process shares, a path's rate cannot exceed the cores' time
     * divided by the CPU time a read costs along it.
     */
    record CpuPerRead(double gateway, double kpiService, double clientThroughGateway, double clientDirect) {

        /** The rates the machine's cores allow through the gateway and straight, were they the only limit. */
        Ceilings ceilings(int cores) {
            return new Ceilings(cores * 1e6 / (gateway + kpiService + clientThroughGateway),
                    cores * 1e6 / (kpiService + clientDirect));
        }
    }

    /** Req/s through the gateway and straight to kpi-service that the cores' time allows at given CPU costs. */
    record Ceilings(double gateway, double direct) {
    }

    /** Both paths' measured figures, the warm-up before them, and what a read cost the processes. */
    record Measured(Result gateway, Result direct, Warmup warmup, CpuPerRead cpu) {
    }

    /**
     * Both paths in alternating slices (gateway, direct, gateway, …; four of each), after warming both up for
     * {@code warmup} in alternating slices of up to 10 s. The services' JIT compilers share the machine's two cores
     * with everything else, so a cold gateway takes a minute or more to approach its steady rate; what is measured is
     * the warmed-up rate, and the cold rate (the first warm-up slice) is reported beside it. A change in the
     * machine's load during the measured slices falls on both paths alike.
     */
    static Measured gatewayAndDirect(String gatewayUrl, String directUrl, String token, Workload workload,
                                     int connections, double seconds, java.time.Duration warmup,
                                     ProcessHandle gatewayProcess, ProcessHandle kpiProcess) {
        double slice = seconds / 4;
        double warmSlice = Math.max(1, Math.min(slice, 10));
        long warmStart = System.nanoTime();
        double gatewayCold = 0;
        double directCold = 0;
        int pairs = 0;
        do {
            double gatewayRate = rate(gatewayUrl, token, workload, connections, warmSlice);
            double directRate = rate(directUrl, token, workload, connections, warmSlice);
            if (++pairs == 1) {
                gatewayCold = gatewayRate;
                directCold = directRate;
            }
            System.out.printf("  B5 warm-up %d: gateway %.0f req/s, direct %.0f req/s%n", pairs, gatewayRate,
                    directRate);
        } while (System.nanoTime() - warmStart < warmup.toNanos());
        Warmup warm = new Warmup(gatewayCold, directCold, KafkaLimit.seconds(warmStart), pairs);
        Latencies[] latencies = {new Latencies(), new Latencies()};
        AtomicLong[] errors = {new AtomicLong(), new AtomicLong()};
        double[] elapsed = new double[2];
        ProcessHandle harness = ProcessHandle.current();
        long gatewayCpu = 0;
        long kpiCpu = 0;
        long[] clientCpu = new long[2];
        for (int round = 0; round < 4; round++) {
            long before = latencies[0].count();
            long gatewayAt = cpuMicros(gatewayProcess);
            long clientAt = cpuMicros(harness);
            double took = run(gatewayUrl, token, workload, connections, slice, latencies[0], errors[0]);
            gatewayCpu += cpuMicros(gatewayProcess) - gatewayAt;
            clientCpu[0] += cpuMicros(harness) - clientAt;
            elapsed[0] += took;
            long between = latencies[1].count();
            long kpiAt = cpuMicros(kpiProcess);
            clientAt = cpuMicros(harness);
            double tookDirect = run(directUrl, token, workload, connections, slice, latencies[1], errors[1]);
            kpiCpu += cpuMicros(kpiProcess) - kpiAt;
            clientCpu[1] += cpuMicros(harness) - clientAt;
            elapsed[1] += tookDirect;
            System.out.printf("  B5 slice %d: gateway %.0f req/s, direct %.0f req/s%n", round + 1,
                    (latencies[0].count() - before) / took, (latencies[1].count() - between) / tookDirect);
        }
        Result[] results = new Result[2];
        for (int i = 0; i < 2; i++) {
            results[i] = new Result(latencies[i].count() / elapsed[i], latencies[i].percentile(50),
                    latencies[i].percentile(99), errors[i].get());
        }
        long throughGateway = Math.max(1, latencies[0].count() + errors[0].get());
        long direct = Math.max(1, latencies[1].count() + errors[1].get());
        CpuPerRead cpu = new CpuPerRead((double) gatewayCpu / throughGateway, (double) kpiCpu / direct,
                (double) clientCpu[0] / throughGateway, (double) clientCpu[1] / direct);
        return new Measured(results[0], results[1], warm, cpu);
    }

    private static long cpuMicros(ProcessHandle process) {
        return Stack.cpu(process).toNanos() / 1000;
    }

    /** One unmeasured slice of reads: its rate, req/s. */
    private static double rate(String baseUrl, String token, Workload workload, int connections, double seconds) {
        Latencies latencies = new Latencies();
        double took = run(baseUrl, token, workload, connections, seconds, latencies, new AtomicLong());
        return latencies.count() / took;
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
