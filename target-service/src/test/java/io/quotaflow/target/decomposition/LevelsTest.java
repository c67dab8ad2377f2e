package io.quotaflow.target.decomposition;

import static io.quotaflow.target.decomposition.Decimals.decimal;
import static io.quotaflow.target.decomposition.Rejections.assertRejectedOn;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LevelsTest {

    @Test
    void shouldDefaultToEightyAndHundredTwentyPercent() {
        assertThat(Levels.DEFAULT.base()).isEqualByComparingTo("0.8");
        assertThat(Levels.DEFAULT.challenge()).isEqualByComparingTo("1.2");
    }

    @Test
    void shouldAcceptBaseEqualToTheTargetAndChallengeEqualToTheTarget() {
        assertThat(new Levels(decimal("1"), decimal("1"))).isNotNull();
    }

    @ParameterizedTest(name = "base {0}")
    @CsvSource({"0", "-0.1", "1.01"})
    void shouldRejectBaseOutsideZeroExclusiveToOne(String base) {
        assertRejectedOn("levels.base", () -> new Levels(decimal(base), decimal("1.2")));
    }

    @ParameterizedTest(name = "challenge {0}")
    @CsvSource({"0.99", "0"})
    void shouldRejectChallengeBelowOne(String challenge) {
        assertRejectedOn("levels.challenge", () -> new Levels(decimal("0.8"), decimal(challenge)));
    }

    @Test
    void shouldRejectMissingLevels() {
        assertRejectedOn("levels.base", () -> new Levels(null, decimal("1.2")));
    }
}
