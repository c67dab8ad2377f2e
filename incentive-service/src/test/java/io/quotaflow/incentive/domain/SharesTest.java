package io.quotaflow.incentive.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SharesTest {

    @Test
    void shouldGiveTheLeftoverCentsToTheLargestRemainders() {
        List<BigDecimal> parts = Shares.split(new BigDecimal("10.00"), List.of(new BigDecimal("1"), new BigDecimal("2"),
                new BigDecimal("3")));

        assertThat(parts).extracting(BigDecimal::toPlainString).containsExactly("1.67", "3.33", "5.00");
    }

    @Test
    void shouldGiveNothingWhenNoWeightIsPositive() {
        assertThat(Shares.split(new BigDecimal("10.00"), List.of(BigDecimal.ZERO, BigDecimal.ZERO)))
                .extracting(BigDecimal::toPlainString).containsExactly("0.00", "0.00");
    }
}
