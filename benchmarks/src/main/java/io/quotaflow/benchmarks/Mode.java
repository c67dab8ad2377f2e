package io.quotaflow.benchmarks;

import io.quotaflow.localstack.ServiceProcess;

import java.time.Duration;
import java.util.List;

/**
 * The sizes of one run. {@code full} is the issue's: 1,000,000 events for B3, 2,000 events/s for 5 minutes,
 * 100k/1M/5M for B6 (hours on a shared 2-core machine); {@code quick} the same shape in under 5 minutes;
 * {@code tiny} seconds, for the smoke test, whose services run with the launcher's fast-start JVM options (it judges
 * no speed; the other modes measure with a deployment's, {@link Stack#JVM_OPTIONS}). {@code drainWait} is how long B5
 * waits for kpi-service to drain what B4 left behind; {@code queryWarmup} how long at most B5 warms both paths up
 * before it measures.
 */
record Mode(String name, int rawRecords, int reps, int probeReps, List<Long> growthSizes, long aggregateEvents,
            int ingestBatches, int batchSize, int steadyRate, Duration steadyFor, int probeThreads,
            double querySeconds, int connections, Duration drainWait, Duration queryWarmup, String jvmOptions) {

    static Mode of(String name) {
        switch (name) {
            case "tiny":
                return new Mode(name, 5_000, 20, 2, List.of(2_000L, 4_000L), 4_000, 3, 200, 100,
                        Duration.ofSeconds(5), 1, 2, 8, Duration.ofSeconds(60), Duration.ofSeconds(2),
                        ServiceProcess.FAST_START_JVM_OPTIONS + " -XX:+ExitOnOutOfMemoryError");
            case "quick":
                return new Mode(name, 100_000, 200, 16, List.of(5_000L, 10_000L, 20_000L), 20_000, 20, 1000,
                        2000, Duration.ofSeconds(20), 4, 10, 32, Duration.ofSeconds(60), Duration.ofSeconds(60),
                        Stack.JVM_OPTIONS);
            case "full":
                return new Mode(name, 1_000_000, 400, 48, List.of(100_000L, 1_000_000L, 5_000_000L), 1_000_000,
                        300, 1000, 2000, Duration.ofMinutes(5), 4, 60, 32, Duration.ofMinutes(5), Duration.ofMinutes(5),
                        Stack.JVM_OPTIONS);
            default:
                throw new IllegalArgumentException("unknown mode " + name + " (tiny, quick, full)");
        }
    }

    /**
     * The same mode with B3 timed on {@code events} events and B6's marks at a quarter, half and all of them
     * ({@code --events=N}): a longer catch-up, to see the rate once the JIT has warmed up.
     */
    Mode withEvents(long events) {
        if (events < 4) {
            throw new IllegalArgumentException("--events must be at least 4");
        }
        return new Mode(name, rawRecords, reps, probeReps, List.of(events / 4, events / 2, events), events,
                ingestBatches, batchSize, steadyRate, steadyFor, probeThreads, querySeconds, connections, drainWait,
                queryWarmup, jvmOptions);
    }

    /** The same mode with B5's queries run for {@code seconds} on each path ({@code --query-seconds=S}). */
    Mode withQuerySeconds(double seconds) {
        if (seconds <= 0) {
            throw new IllegalArgumentException("--query-seconds must be positive");
        }
        return new Mode(name, rawRecords, reps, probeReps, growthSizes, aggregateEvents, ingestBatches, batchSize,
                steadyRate, steadyFor, probeThreads, seconds, connections, drainWait, queryWarmup, jvmOptions);
    }

    /** The same mode with B4's steady load held for {@code duration} ({@code --steady-seconds=S}). */
    Mode withSteadyFor(Duration duration) {
        return new Mode(name, rawRecords, reps, probeReps, growthSizes, aggregateEvents, ingestBatches, batchSize,
                steadyRate, duration, probeThreads, querySeconds, connections, drainWait, queryWarmup, jvmOptions);
    }
}
