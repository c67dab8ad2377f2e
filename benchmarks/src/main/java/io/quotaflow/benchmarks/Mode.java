package io.quotaflow.benchmarks;

import java.time.Duration;
import java.util.List;

/**
 * The sizes of one run. {@code full} is the issue's: 1,000,000 events for B3, 2,000 events/s for 5 minutes,
 * 100k/1M/5M for B6 (hours on a shared 2-core machine); {@code quick} the same shape in under 5 minutes;
 * {@code tiny} seconds, for the smoke test.
 */
record Mode(String name, int rawRecords, int reps, int probeReps, List<Long> growthSizes, long aggregateEvents,
            int ingestBatches, int batchSize, int steadyRate, Duration steadyFor, int probeThreads,
            double querySeconds, int connections) {

    static Mode of(String name) {
        switch (name) {
            case "tiny":
                return new Mode(name, 5_000, 20, 2, List.of(2_000L, 4_000L), 4_000, 3, 200, 100,
                        Duration.ofSeconds(8), 1, 3, 8);
            case "quick":
                return new Mode(name, 200_000, 200, 16, List.of(5_000L, 20_000L, 50_000L), 50_000, 40, 1000,
                        2000, Duration.ofSeconds(45), 4, 15, 32);
            case "full":
                return new Mode(name, 1_000_000, 400, 48, List.of(100_000L, 1_000_000L, 5_000_000L), 1_000_000,
                        300, 1000, 2000, Duration.ofMinutes(5), 4, 60, 32);
            default:
                throw new IllegalArgumentException("unknown mode " + name + " (tiny, quick, full)");
        }
    }
}
