package io.quotaflow.benchmarks;

import io.quotaflow.target.decomposition.Decomposer;
import io.quotaflow.target.decomposition.Decomposition;
import io.quotaflow.target.decomposition.DecompositionRequest;
import io.quotaflow.target.decomposition.MarketType;
import io.quotaflow.target.decomposition.OrgSnapshot;
import io.quotaflow.target.decomposition.ProductLineInfo;
import io.quotaflow.target.decomposition.RegionInfo;
import io.quotaflow.target.decomposition.RepInfo;
import io.quotaflow.target.decomposition.TeamInfo;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * target-service's decomposition of one month's company target over a 5,000-rep org (4 product lines, 10 regions,
 * 250 teams of 20): every node, its base and challenge levels, weeks and working days.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DecompositionBenchmark {

    static final int REPS = 5_000;

    private DecompositionRequest request;

    @Setup
    public void org() {
        request = DecompositionRequest.of(YearMonth.of(2027, 1), new BigDecimal("250000000.00"), 2, org(REPS));
    }

    static OrgSnapshot org(int reps) {
        List<ProductLineInfo> productLines = new ArrayList<>();
        for (int p = 0; p < 4; p++) {
            productLines.add(new ProductLineInfo("pl-" + p, new BigDecimal("0.3").add(BigDecimal.valueOf(p, 2)), p + 1));
        }
        List<RegionInfo> regions = new ArrayList<>();
        for (int r = 0; r < 10; r++) {
            regions.add(new RegionInfo("reg-" + r, r % 2 == 0 ? MarketType.MATURE : MarketType.EMERGING,
                    BigDecimal.valueOf(2 + r, 2)));
        }
        List<TeamInfo> teams = new ArrayList<>();
        List<RepInfo> repInfos = new ArrayList<>();
        for (int t = 0; t < reps / 20; t++) {
            teams.add(new TeamInfo("t-" + t, "reg-" + t % 10));
        }
        for (int i = 0; i < reps; i++) {
            repInfos.add(new RepInfo("r-" + i, "t-" + i / 20, LocalDate.of(2024, 1 + i % 12, 1),
                    i % 7 == 0 ? new BigDecimal("0.5") : BigDecimal.ONE));
        }
        return new OrgSnapshot(productLines, regions, teams, repInfos);
    }

    @Benchmark
    public Decomposition decomposeA5000RepOrg() {
        return Decomposer.decompose(request);
    }
}
