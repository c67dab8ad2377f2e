package io.quotaflow.target.decomposition;

import static io.quotaflow.target.decomposition.Decimals.decimal;
import static io.quotaflow.target.decomposition.Rejections.assertRejectedOn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RampPolicyTest {

    private static final YearMonth DECEMBER_2026 = YearMonth.of(2026, 12);

    @ParameterizedTest(name = "hired on {0}: {1}")
    @CsvSource({
            "2026-12-21, 100",  // the hire month: 0 full months, 1/4
            "2026-11-30, 200",  // 1 month, 2/4
            "2026-10-01, 300",  // 2 months, 3/4
            "2026-09-15, 400",  // 3 months: ramped up
            "2019-04-01, 400"})
    void shouldRampNewRepsByTenure(LocalDate hiredOn, String expected) {
        // given
        RepInfo rep = new RepInfo("r", "t", hiredOn, decimal("400"));

        // when
        var effective = RampPolicy.DEFAULT.effectiveCapacity(rep, DECEMBER_2026);

        // then
        assertThat(effective).isEqualByComparingTo(expected);
    }

    @Test
    void shouldGiveFullCapacityWhenRampIsOff() {
        // given
        RepInfo hiredThisMonth = new RepInfo("r", "t", LocalDate.of(2026, 12, 1), decimal("400"));

        // then
        assertThat(RampPolicy.NONE.effectiveCapacity(hiredThisMonth, DECEMBER_2026)).isEqualByComparingTo("400");
    }

    @Test
    void shouldKeepRampFractionsThatDoNotTerminateToSixteenDigits() {
        // given a two-month ramp: a third in the hire month
        RepInfo hiredThisMonth = new RepInfo("r", "t", LocalDate.of(2026, 12, 1), decimal("100"));

        // then
        assertThat(new RampPolicy(2).effectiveCapacity(hiredThisMonth, DECEMBER_2026))
                .isEqualByComparingTo("33.33333333333333");
    }

    @Test
    void shouldRefuseRepsHiredAfterThePeriod() {
        RepInfo hiredInJanuary = new RepInfo("r", "t", LocalDate.of(2027, 1, 4), decimal("100"));

        assertThat(hiredInJanuary.isOnBoardIn(DECEMBER_2026)).isFalse();
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RampPolicy.DEFAULT.effectiveCapacity(hiredInJanuary, DECEMBER_2026));
    }

    @Test
    void shouldRejectNegativeRampMonths() {
        assertRejectedOn("ramp.rampMonths", () -> new RampPolicy(-1));
    }
}
