package io.quotaflow.kpi.customers.domain;

import io.quotaflow.events.kpi.CustomerTier;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Tiers as of 20 January 2027: the 12 months are 21 January 2026 to 20 January 2027, the last 6 from 21 July 2026. */
class TierPolicyTest {

    private static final LocalDate AS_OF = LocalDate.of(2027, 1, 20);
    private final TierPolicy policy = TierPolicy.defaults();

    @Test
    void shouldPutFiveMillionAYearInTierA() {
        TierPolicy.Tiering tiering = policy.classify(Map.of(LocalDate.of(2026, 3, 1), new BigDecimal("3000000"),
                LocalDate.of(2026, 9, 1), new BigDecimal("2000000")), AS_OF);

        assertThat(tiering.tier()).isEqualTo(CustomerTier.A);
        assertThat(tiering.trailing12Months()).isEqualByComparingTo("5000000");
        assertThat(tiering.last6Months()).isEqualByComparingTo("2000000");
        assertThat(tiering.prior6Months()).isEqualByComparingTo("3000000");
        assertThat(tiering.reason()).contains("5,000,000.00");
    }

    @Test
    void shouldLeaveOutWhatIsTwelveMonthsOldOrOlder() {
        TierPolicy.Tiering tiering = policy.classify(Map.of(LocalDate.of(2026, 1, 20), new BigDecimal("4000000"),
                LocalDate.of(2026, 1, 21), new BigDecimal("1500000")), AS_OF);

        assertThat(tiering.trailing12Months()).isEqualByComparingTo("1500000");
        assertThat(tiering.tier()).isEqualTo(CustomerTier.B);
    }

    @Test
    void shouldPutTheGrowingMiddleInTierB() {
        // 150,000 in the last 6 months against 50,000 before: above the 100,000 floor and more than 1.5 times
        TierPolicy.Tiering growing = policy.classify(Map.of(LocalDate.of(2026, 4, 1), new BigDecimal("50000"),
                LocalDate.of(2026, 12, 1), new BigDecimal("150000")), AS_OF);
        // 90,000 recently: below the floor, however it grew
        TierPolicy.Tiering small = policy.classify(Map.of(LocalDate.of(2026, 4, 1), new BigDecimal("10000"),
                LocalDate.of(2026, 12, 1), new BigDecimal("90000")), AS_OF);
        // 140,000 against 100,000: not 1.5 times
        TierPolicy.Tiering flat = policy.classify(Map.of(LocalDate.of(2026, 4, 1), new BigDecimal("100000"),
                LocalDate.of(2026, 12, 1), new BigDecimal("140000")), AS_OF);

        assertThat(growing.tier()).isEqualTo(CustomerTier.B);
        assertThat(growing.reason()).startsWith("growing");
        assertThat(small.tier()).isEqualTo(CustomerTier.C);
        assertThat(flat.tier()).isEqualTo(CustomerTier.C);
    }
}
