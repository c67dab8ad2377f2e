package io.quotaflow.incentive.domain;

import io.quotaflow.events.TargetMetric;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

class TeamBonusTest {

    static final YearMonth JANUARY = YearMonth.of(2027, 1);

    @Test
    void shouldReachTheLevelAtExactlyTheTarget() {
        TeamBonusRule rule = perMember("1000.00");

        assertThat(TeamBonus.reached(rule, new BigDecimal("3000000.00"), new BigDecimal("3000000.00"), null)).isTrue();
        assertThat(TeamBonus.reached(rule, new BigDecimal("2999999.99"), new BigDecimal("3000000.00"), null)).isFalse();
    }

    @Test
    void shouldPayEachMemberTheAmountProratedForNewHires() {
        List<TeamBonus.Share> shares = TeamBonus.shares(perMember("1000.00"), List.of(
                member("r-1", "500000.00", 31), member("r-2", "0", 20)), JANUARY, true);

        assertThat(shares).extracting(TeamBonus.Share::payeeId, s -> s.amount().toPlainString())
                .containsExactly(tuple("r-1", "1000.00"), tuple("r-2", "645.16")); // 1,000 × 20 / 31
    }

    @Test
    void shouldSplitAPoolByContribution() {
        List<TeamBonus.Share> shares = TeamBonus.shares(pool("10000.00"), List.of(
                member("r-1", "500000.00", 31), member("r-2", "300000.00", 31), member("r-3", "200000.00", 31)),
                JANUARY, false);

        assertThat(shares).extracting(s -> s.amount().toPlainString()).containsExactly("5000.00", "3000.00", "2000.00");
    }

    @Test
    void shouldSplitAPoolIntoCentsThatAddUpExactly() {
        List<TeamBonus.Share> shares = TeamBonus.shares(pool("100.00"), List.of(
                member("r-1", "1", 31), member("r-2", "1", 31), member("r-3", "1", 31), member("r-4", "0", 31)),
                JANUARY, false);

        assertThat(shares).extracting(s -> s.amount().toPlainString()).containsExactly("33.34", "33.33", "33.33", "0.00");
        assertThat(shares.stream().map(TeamBonus.Share::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("100.00");
    }

    private static TeamBonusRule perMember(String amount) {
        return new TeamBonusRule("team-bonus", TargetMetric.REVENUE, BigDecimal.ONE, new BigDecimal(amount), null);
    }

    private static TeamBonusRule pool(String amount) {
        return new TeamBonusRule("team-pool", TargetMetric.REVENUE, BigDecimal.ONE, null, new BigDecimal(amount));
    }

    private static TeamBonus.Member member(String repId, String contribution, long days) {
        return new TeamBonus.Member(repId, new BigDecimal(contribution), days);
    }
}
