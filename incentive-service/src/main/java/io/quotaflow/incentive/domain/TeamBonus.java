package io.quotaflow.incentive.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a {@link TeamBonusRule} pays the members of a team that reached its level: {@code amountPerMember} each
 * (prorated for new hires when the plan says so), or the {@code pool} split by contribution — each member's actual
 * of the metric over the members' total, in cents adding up to the pool exactly ({@link Shares}). A member who
 * contributed nothing gets nothing from a pool.
 */
public final class TeamBonus {

    private TeamBonus() {
    }

    /** A member, what they contributed and how many days of the period they were employed. */
    public record Member(String payeeId, BigDecimal contribution, long daysEmployed) {
    }

    /** A member's share. */
    public record Share(String payeeId, BigDecimal amount) {
    }

    /** Whether the team's actual reaches the level of its target (exactly, in decimals). */
    public static boolean reached(TeamBonusRule rule, BigDecimal actual, BigDecimal target, Double attainment) {
        return ThresholdRule.reached(rule.level(), actual, target, attainment);
    }

    public static List<Share> shares(TeamBonusRule rule, List<Member> members, java.time.YearMonth period,
                                     boolean prorate) {
        if (!rule.isPool()) {
            return members.stream().map(member -> new Share(member.payeeId(), prorate
                    ? Proration.prorate(rule.amountPerMember(), member.daysEmployed(), period)
                    : rule.amountPerMember())).toList();
        }
        List<BigDecimal> weights = members.stream()
                .map(member -> member.contribution() == null ? BigDecimal.ZERO : member.contribution().max(BigDecimal.ZERO))
                .toList();
        List<BigDecimal> amounts = Shares.split(rule.pool(), weights);
        return java.util.stream.IntStream.range(0, members.size())
                .mapToObj(i -> new Share(members.get(i).payeeId(), amounts.get(i))).toList();
    }
}
