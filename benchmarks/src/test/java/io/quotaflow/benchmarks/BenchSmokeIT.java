package io.quotaflow.benchmarks;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The harness at a tiny size (thousands of events, seconds of load), so that the benchmarks never rot: the whole
 * stack starts, every figure of the table is measured, positive and written out with the B4 chart. Speed is not
 * judged here — pass and miss are the benchmark's business, not the test's.
 */
class BenchSmokeIT {

    @Test
    void shouldMeasureEveryFigureOfTheTableAtATinySize() throws Exception {
        Path projectDir = Path.of(System.getProperty("quotaflow.project-dir", "..")).toAbsolutePath().normalize();
        Path out = projectDir.resolve("benchmarks/target/bench-smoke");

        Table table = new Bench(Mode.of("tiny"), projectDir, out, false).run();

        List<Table.Row> rows = table.rows();
        assertThat(rows).extracting(Table.Row::id).contains("B1", "B2", "B3", "B4", "B5", "B6");
        assertThat(rows).filteredOn(row -> row.id().equals("B2")).hasSize(7);
        assertThat(rows).filteredOn(row -> row.figure().startsWith("CPU per event meanwhile")).hasSize(5);
        assertThat(rows).filteredOn(row -> row.id().equals("B3")).hasSize(3);
        assertThat(rows).filteredOn(row -> row.id().equals("B4")).hasSize(9 + 8 + 6);
        assertThat(rows).filteredOn(row -> row.figure().startsWith("MongoDB time during B4, ")).hasSize(8)
                .allSatisfy(row -> assertThat(row.figure()).matches(
                        "MongoDB time during B4, (activity|kpi|incentive)-service: \\w+ on .*"));
        assertThat(rows).filteredOn(row -> row.figure().startsWith("documents after B4, ")).hasSize(6)
                .allSatisfy(row -> assertThat(row.figure()).matches("documents after B4, [\\w-]+\\.\\w+ .*"));
        assertThat(rows).filteredOn(row -> row.id().equals("B5")).hasSize(15);
        assertThat(rows).filteredOn(row -> row.figure().startsWith("CPU per read")).hasSize(4);
        // per mark: wall time, then CPU and peak RSS of kpi-service and incentive-service; then the growth ratio
        assertThat(rows).filteredOn(row -> row.id().equals("B6")).hasSize(2 * 5 + 1);
        assertThat(rows).filteredOn(row -> row.figure().startsWith("incentive-service, first")).hasSize(4);
        // At this size incentive-service may have had nothing to apply yet at B6's first mark, a second or two
        // into the catch-up: its CPU there can be measured as zero (the clock's ticks are 10 ms).
        assertThat(rows).filteredOn(row -> !row.figure().matches("incentive-service, first \\d+ events: CPU.*"))
                .allSatisfy(row -> assertThat(row.value()).as(row.figure()).isPositive());
        assertThat(rows).allSatisfy(row -> assertThat(row.value()).as(row.figure()).isNotNegative());
        assertThat(rows).filteredOn(row -> !row.baseline().isEmpty())
                .allSatisfy(row -> assertThat(row.ratio()).as(row.figure()).isPositive());
        assertThat(rows).filteredOn(row -> row.figure().startsWith("cold, the first warm-up slice")).hasSize(2);
        assertThat(Files.readString(out.resolve("results.md"))).contains("| B6 |", "b4-latency.png");
        assertThat(Files.size(out.resolve("b4-latency.png"))).isPositive();
    }
}
