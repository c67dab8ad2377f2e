package io.quotaflow.testsupport.property;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PropertyRunnerTest {

    private static final Seed SEED = new Seed(42, Seed.Origin.GIVEN);

    @Test
    void shouldDrawTheSameInputsForTheSameSeed() {
        assertThat(firstDraws(SEED, 20)).isEqualTo(firstDraws(SEED, 20));
    }

    @Test
    void shouldDrawOtherInputsForAnotherSeed() {
        assertThat(firstDraws(new Seed(43, Seed.Origin.GIVEN), 20)).doesNotContainAnyElementsOf(firstDraws(SEED, 20));
    }

    @Test
    void shouldCountTriesAndChecks() {
        PropertyRunner.Outcome outcome = PropertyRunner.run(SEED, 60, random ->
                org.junit.jupiter.api.Assumptions.assumeTrue(random.nextBoolean()));

        assertThat(outcome.tries()).isEqualTo(60);
        assertThat(outcome.checks()).isBetween(1, 59);
    }

    @Test
    void shouldStopAtTheFirstFailingTryAndKeepItsError() {
        List<Integer> tried = new ArrayList<>();
        IllegalStateException broken = new IllegalStateException("broken");

        assertThatThrownBy(() -> PropertyRunner.run(SEED, 10, random -> {
            tried.add(tried.size() + 1);
            if (tried.size() == 4) {
                throw broken;
            }
        }))
                .isInstanceOf(PropertyFailure.class)
                .hasMessage("Property failed on try 4 of 10 under seed 42 (given); run it again with "
                        + "-Dquotaflow.seed=42%n%s".formatted(broken))
                .hasCause(broken);
        assertThat(tried).containsExactly(1, 2, 3, 4);
    }

    private static List<Long> firstDraws(Seed seed, int tries) {
        List<Long> draws = new ArrayList<>();
        PropertyRunner.run(seed, tries, random -> draws.add(random.nextLong()));
        return draws;
    }
}
