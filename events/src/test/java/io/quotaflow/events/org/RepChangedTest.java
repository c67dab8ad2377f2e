package io.quotaflow.events.org;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RepChangedTest {

    private final RepChanged movedOnTheTenth = new RepChanged("r-001", "Wang Wei", "t-east", LocalDate.of(2026, 3, 1),
            LocalDate.of(2026, 12, 20), BigDecimal.ONE,
            List.of(new TeamMembership("t-north", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 12, 9)),
                    new TeamMembership("t-east", LocalDate.of(2026, 12, 10), null)), 4);

    @Test
    void shouldAttributeADayToTheTeamTheRepWasOnThen() {
        assertThat(movedOnTheTenth.teamOn(LocalDate.of(2026, 12, 9))).contains("t-north");
        assertThat(movedOnTheTenth.teamOn(LocalDate.of(2026, 12, 10))).contains("t-east");
    }

    @Test
    void shouldHaveNoTeamBeforeHiringOrAfterLeaving() {
        assertThat(movedOnTheTenth.teamOn(LocalDate.of(2026, 2, 28))).isEmpty();
        assertThat(movedOnTheTenth.teamOn(LocalDate.of(2026, 12, 21))).isEmpty();
        assertThat(movedOnTheTenth.activeOn(LocalDate.of(2026, 12, 20))).isTrue();
        assertThat(movedOnTheTenth.activeOn(LocalDate.of(2026, 12, 21))).isFalse();
    }

    @Test
    void shouldFallBackToTheCurrentTeamWithoutAHistory() {
        RepChanged noHistory = new RepChanged("r-2", "Li Na", "t-west", LocalDate.of(2026, 1, 1), null, BigDecimal.ONE,
                null, 1);

        assertThat(noHistory.teamOn(LocalDate.of(2026, 12, 1))).contains("t-west");
        assertThat(noHistory.subject()).isEqualTo("REP:r-2");
    }
}
