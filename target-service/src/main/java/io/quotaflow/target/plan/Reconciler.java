package io.quotaflow.target.plan;

import io.quotaflow.target.decomposition.Decomposition;
import io.quotaflow.target.decomposition.EntityType;
import io.quotaflow.target.decomposition.NodeKey;
import io.quotaflow.target.decomposition.TargetNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;

/**
 * Top-down targets against bottom-up commitments, over the company → region → team → rep tree. Pure.
 *
 * <p>A node's bottom-up figure is its own commitment if it has one, else the sum of its children's when
 * every child has one. Adopting commitments takes each committed node's figure (or a blend with its
 * target), rolls the changes up to the company, and leaves untouched subtrees as they are.
 */
final class Reconciler {

    private final Decomposition plan;
    private final Map<NodeKey, BigDecimal> commitments;

    Reconciler(Decomposition plan, Map<NodeKey, BigDecimal> commitments) {
        this.plan = plan;
        this.commitments = commitments;
    }

    /** One row per node of the org tree, company first. */
    List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (TargetNode node : plan.nodes()) {
            if (node.entityType() == EntityType.PRODUCT_LINE) {
                continue;
            }
            BigDecimal bottomUp = bottomUp(node);
            Source source = commitments.containsKey(node.key()) ? Source.COMMITTED
                    : bottomUp != null ? Source.ROLLED_UP : Source.NONE;
            rows.add(new Row(node, bottomUp, bottomUp == null ? null : bottomUp.subtract(node.monthly()), source));
        }
        return rows;
    }

    /** New monthly targets that adopt the commitments, mixed with the targets by {@code adopt(target, commitment)}. */
    Map<NodeKey, BigDecimal> adopted(BinaryOperator<BigDecimal> adopt) {
        Map<NodeKey, BigDecimal> changes = new LinkedHashMap<>();
        adopt(plan.company(), adopt, changes);
        return changes;
    }

    static BinaryOperator<BigDecimal> blend(BigDecimal weight, int scale) {
        return (target, commitment) -> target.add(commitment.subtract(target).multiply(weight))
                .setScale(scale, RoundingMode.HALF_EVEN);
    }

    /** The node's adopted target; records it in {@code changes} when the node or anything below it is committed. */
    private BigDecimal adopt(TargetNode node, BinaryOperator<BigDecimal> adopt, Map<NodeKey, BigDecimal> changes) {
        BigDecimal commitment = commitments.get(node.key());
        List<TargetNode> children = orgChildren(node);
        boolean committedBelow = false;
        BigDecimal sum = BigDecimal.ZERO;
        for (TargetNode child : children) {
            sum = sum.add(adopt(child, adopt, changes));
            committedBelow |= changes.containsKey(child.key());
        }
        BigDecimal value = commitment != null ? adopt.apply(node.monthly(), commitment)
                : committedBelow ? sum : node.monthly();
        if (commitment != null || committedBelow) {
            changes.put(node.key(), value);
        }
        return value;
    }

    private BigDecimal bottomUp(TargetNode node) {
        BigDecimal commitment = commitments.get(node.key());
        if (commitment != null) {
            return commitment;
        }
        List<TargetNode> children = orgChildren(node);
        if (children.isEmpty()) {
            return null;
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (TargetNode child : children) {
            BigDecimal childBottomUp = bottomUp(child);
            if (childBottomUp == null) {
                return null;
            }
            sum = sum.add(childBottomUp);
        }
        return sum;
    }

    private List<TargetNode> orgChildren(TargetNode node) {
        return plan.children(node.key()).stream()
                .filter(child -> child.entityType() != EntityType.PRODUCT_LINE)
                .toList();
    }

    enum Source {
        /** The node has a commitment of its own. */
        COMMITTED,
        /** Every child has a bottom-up figure; this is their sum. */
        ROLLED_UP,
        /** Not (fully) committed yet. */
        NONE
    }

    record Row(TargetNode node, BigDecimal bottomUp, BigDecimal gap, Source source) {
    }
}
