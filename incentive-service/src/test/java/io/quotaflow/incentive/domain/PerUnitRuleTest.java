package io.quotaflow.incentive.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class PerUnitRuleTest {

    static final LocalDate FROM = LocalDate.of(2027, 1, 10);
    static final LocalDate TO = LocalDate.of(2027, 1, 20);

    @Test
    void shouldCountDealsOnTheWindowsFirstAndLastDayButNotOutside() {
        PerUnitRule spiff = new PerUnitRule("spiff", Unit.DEAL, new BigDecimal("300.00"), null, null, FROM, TO);

        assertThat(spiff.matches("pl-cloud", null, FROM.minusDays(1))).isFalse();
        assertThat(spiff.matches("pl-cloud", null, FROM)).isTrue();
        assertThat(spiff.matches("pl-cloud", null, TO)).isTrue();
        assertThat(spiff.matches("pl-cloud", null, TO.plusDays(1))).isFalse();
    }

    @Test
    void shouldCountOnlyDealsOfTheProductLineAndPromotion() {
        PerUnitRule spiff = new PerUnitRule("spiff", Unit.DEAL, new BigDecimal("300.00"), "pl-cloud", "NY2027", null, null);

        assertThat(spiff.matches("pl-cloud", "NY2027", FROM)).isTrue();
        assertThat(spiff.matches("pl-hardware", "NY2027", FROM)).isFalse();
        assertThat(spiff.matches("pl-cloud", null, FROM)).isFalse();
    }
}
