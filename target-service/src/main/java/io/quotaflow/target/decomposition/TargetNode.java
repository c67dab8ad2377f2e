package io.quotaflow.target.decomposition;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The target of one entity for the month, with its base and challenge levels and its split over
 * the weeks and working days of the month.
 *
 * @param parentType {@code null} for the company, which has no parent
 * @param parentId   {@code null} for the company, which has no parent
 * @param weight     the raw weight the node's share of its parent was worked out from (gross margin ×
 *                   priority, grown prior actual, effective capacity, prior actual, or 1 for an even
 *                   split; 1 for the company). Its share is its weight over the sum of its siblings' weights.
 * @param weekly     every ISO week of the month, clipped to the month; adds up to {@code monthly}
 * @param daily      every working day of the month; adds up to {@code monthly}
 */
public record TargetNode(
        EntityType entityType,
        String entityId,
        EntityType parentType,
        String parentId,
        BigDecimal monthly,
        BigDecimal base,
        BigDecimal challenge,
        BigDecimal weight,
        List<WeeklyAmount> weekly,
        List<DailyAmount> daily) {

    public TargetNode {
        weekly = List.copyOf(weekly);
        daily = List.copyOf(daily);
    }

    public NodeKey key() {
        return new NodeKey(entityType, entityId);
    }

    /** The parent's key, or empty for the company. */
    public Optional<NodeKey> parentKey() {
        return parentType == null ? Optional.empty() : Optional.of(new NodeKey(parentType, parentId));
    }

    /** This node with new amounts and a new split over the month; its place in the tree and weight stay. */
    TargetNode withPlan(Amounts amounts, List<WeeklyAmount> weekly, List<DailyAmount> daily) {
        return new TargetNode(entityType, entityId, parentType, parentId,
                amounts.monthly(), amounts.base(), amounts.challenge(), weight, weekly, daily);
    }
}
