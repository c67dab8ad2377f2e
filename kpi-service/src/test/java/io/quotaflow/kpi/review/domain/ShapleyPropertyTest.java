package io.quotaflow.kpi.review.domain;

import io.quotaflow.testsupport.property.Draw;
import io.quotaflow.testsupport.property.Property;

import java.math.BigDecimal;
import java.util.List;
import java.util.random.RandomGenerator;

import static org.assertj.core.api.Assertions.assertThat;

class ShapleyPropertyTest {

    @Property(tries = 300)
    void shouldSplitAnyGapIntoSharesThatAddUpToItExactly(RandomGenerator random) {
        long deals = Draw.between(random, 0, 60);
        GapAnalysis.Funnel month = new GapAnalysis.Funnel(Draw.between(random, 0, 500), deals,
                deals == 0 ? BigDecimal.ZERO : Draw.between(random, BigDecimal.ZERO, new BigDecimal("9000000"), 2));
        GapAnalysis.Funnel history = new GapAnalysis.Funnel(Draw.between(random, 0, 1500), Draw.between(random, 0, 180),
                Draw.between(random, BigDecimal.ZERO, new BigDecimal("27000000"), 2));
        BigDecimal target = Draw.between(random, new BigDecimal("0.01"), new BigDecimal("9000000"), 2);
        BigDecimal dealsTarget = Draw.orNull(random, 0.5, r -> BigDecimal.valueOf(Draw.between(r, 0, 50)));

        GapAnalysis.Split split = GapAnalysis.revenue(target, month, history, dealsTarget);

        BigDecimal sum = split.drivers().stream().map(GapAnalysis.Driver::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(sum).as("drivers of %s against %s, history %s", month, target, history)
                .isEqualByComparingTo(split.gap());
        assertThat(split.gap()).isEqualByComparingTo(month.revenue().subtract(target));
    }

    @Property(tries = 200)
    void shouldGiveEachFactorItsSymmetricShare(RandomGenerator random) {
        BigDecimal a0 = Draw.between(random, BigDecimal.ONE, new BigDecimal("1000"), 2);
        BigDecimal a1 = Draw.between(random, BigDecimal.ONE, new BigDecimal("1000"), 2);

        // Two equal factors moving the same way get the same share.
        List<Shapley.Factor> factors = List.of(new Shapley.Factor("x", a0, a1), new Shapley.Factor("y", a0, a1));

        assertThat(Shapley.exactShare(factors, 0)).isEqualByComparingTo(Shapley.exactShare(factors, 1));
    }
}
