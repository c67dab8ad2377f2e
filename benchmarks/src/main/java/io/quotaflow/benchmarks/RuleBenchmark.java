package io.quotaflow.benchmarks;

import io.quotaflow.events.TargetMetric;
import io.quotaflow.incentive.domain.Commission;
import io.quotaflow.incentive.domain.CommissionRule;
import io.quotaflow.incentive.domain.PayOn;
import io.quotaflow.incentive.domain.ThresholdRule;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * incentive-service's pure rules for one crossing: the rep's attainment moved from 79 % to 81 % of a 1,000,000.00
 * target; every tier of a 20-tier threshold rule is judged (as {@code AttainmentAwards} does for each
 * {@code AttainmentChanged}) and a three-band tiered commission with a cap is re-rated on the new actual.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RuleBenchmark {

    private final BigDecimal target = new BigDecimal("1000000.00");
    private final BigDecimal before = new BigDecimal("790000.00");
    private final BigDecimal after = new BigDecimal("810000.00");
    private final ThresholdRule threshold = threshold();
    private final CommissionRule commission = new CommissionRule("commission", TargetMetric.REVENUE, PayOn.CLOSE,
            List.of(new CommissionRule.Band(BigDecimal.ZERO, new BigDecimal("0.8"), new BigDecimal("0.02")),
                    new CommissionRule.Band(new BigDecimal("0.8"), BigDecimal.ONE, new BigDecimal("0.03")),
                    new CommissionRule.Band(BigDecimal.ONE, null, new BigDecimal("0.05"))),
            new BigDecimal("50000.00"), null);

    private static ThresholdRule threshold() {
        List<ThresholdRule.Tier> tiers = new ArrayList<>();
        for (int step = 1; step <= 20; step++) {
            tiers.add(new ThresholdRule.Tier(BigDecimal.valueOf(step * 5L, 2), new BigDecimal("100.00")));
        }
        return new ThresholdRule("thresholds", TargetMetric.REVENUE, tiers);
    }

    /** The tiers newly reached, summed into the amount awarded, and the commission owed now minus before. */
    @Benchmark
    public BigDecimal evaluateOneCrossing() {
        BigDecimal awarded = BigDecimal.ZERO;
        for (ThresholdRule.Tier tier : threshold.tiers()) {
            boolean now = ThresholdRule.reached(tier.level(), after, target, null);
            boolean was = ThresholdRule.reached(tier.level(), before, target, null);
            if (now && !was) {
                awarded = awarded.add(tier.amount());
            }
        }
        BigDecimal owed = Commission.owed(commission, new Commission.Totals(after, target, after, BigDecimal.ZERO))
                .subtract(Commission.owed(commission, new Commission.Totals(before, target, before, BigDecimal.ZERO)));
        return awarded.add(owed);
    }
}
