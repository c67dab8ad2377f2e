package io.quotaflow.target.decomposition;

import java.math.BigDecimal;
import java.util.List;

/**
 * The children of one node, each with the weight it takes its share by.
 *
 * @param field     the input to blame if the weights cannot be used, such as {@code "history.regions"}
 * @param weighedBy what the weights are, for messages, such as "prior actual"
 */
record Siblings(EntityType type, List<Member> members, String field, String weighedBy) {

    record Member(String id, BigDecimal weight) {
    }

    boolean isEmpty() {
        return members.isEmpty();
    }

    List<BigDecimal> weights() {
        return members.stream().map(Member::weight).toList();
    }

    boolean allWeighZero() {
        return members.stream().allMatch(member -> member.weight().signum() == 0);
    }
}
