package io.quotaflow.benchmarks;

import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Latency samples in milliseconds, collected from any thread; percentiles by the nearest-rank method. */
final class Latencies {

    private final ConcurrentLinkedQueue<Double> samples = new ConcurrentLinkedQueue<>();

    void add(double millis) {
        samples.add(millis);
    }

    int count() {
        return samples.size();
    }

    double[] sorted() {
        double[] values = samples.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(values);
        return values;
    }

    double percentile(double p) {
        double[] values = sorted();
        if (values.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * values.length);
        return values[Math.max(0, Math.min(values.length - 1, rank - 1))];
    }

    double max() {
        return percentile(100);
    }
}
