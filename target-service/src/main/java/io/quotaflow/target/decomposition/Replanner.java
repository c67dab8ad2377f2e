package io.quotaflow.target.decomposition;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Re-plans targets in the middle of a month. Days before the change keep their amounts, so what has
 * been reported against them stays valid; the rest of a new monthly target is spread evenly over the
 * working days that are left.
 */
public final class Replanner {

    private Replanner() {
    }

    /**
     * Re-plans one node on its own. The node is treated as the root of its own plan, so its base and
     * challenge are {@code newMonthly} times the levels, as for a company target.
     *
     * @param current the node as planned, with its days
     * @throws DecompositionException naming {@code changes.amount} if the new target is negative, finer
     *                                than the scale, less than the days before {@code effectiveFrom}
     *                                already account for, or cannot be carried because no working days
     *                                are left; naming {@code changes.effectiveFrom} if that is not in the period
     */
    public static TargetNode replan(TargetNode current, BigDecimal newMonthly, LocalDate effectiveFrom,
                                    Levels levels, WorkCalendar calendar, YearMonth period, int scale) {
        Respread respread = new Respread(period, scale, effectiveFrom, calendar);
        BigDecimal monthly = respread.requireValidAmount(current.key(), newMonthly);
        return respread.apply(current, Amounts.root(monthly, levels, scale));
    }

    /**
     * Re-plans a whole decomposition for new monthly targets of some of its nodes, keeping every
     * parent equal to the sum of its children. Working from the company down, wherever a parent's
     * target changed or some of its children were given a new one, the children that were given one
     * take it and the others share what is left of the parent's target in proportion to their current
     * targets. So raising the company target raises everything under it, while a new target for one
     * rep is made up for by the other reps of the team. Children's base and challenge are shared out
     * from their parent's by their new monthly targets; the company's are its new target times
     * {@code levels}. Nodes whose amounts do not change are kept as they are.
     *
     * @throws DecompositionException naming {@code changes.entityId} for a node not in the decomposition,
     *                                {@code changes.amount} for a target that does not fit (see the
     *                                single-node {@code replan}) or for children's new targets that do
     *                                not fit their parent's, and {@code changes.effectiveFrom} for a day
     *                                outside the period
     */
    public static Decomposition replan(Decomposition current, Map<NodeKey, BigDecimal> newMonthlyByNode,
                                       LocalDate effectiveFrom, Levels levels, WorkCalendar calendar) {
        Respread respread = new Respread(current.period(), current.scale(), effectiveFrom, calendar);
        Map<NodeKey, BigDecimal> changes = new HashMap<>();
        newMonthlyByNode.forEach((node, newMonthly) -> {
            if (current.node(node).isEmpty()) {
                throw new DecompositionException("changes.entityId", node + " is not in the decomposition");
            }
            changes.put(node, respread.requireValidAmount(node, newMonthly));
        });
        return new TreeRevision(current, changes, respread).revise(levels);
    }

    /** One top-down pass over a decomposition, collecting the revised nodes. */
    private static final class TreeRevision {

        private final Decomposition current;
        private final Map<NodeKey, List<TargetNode>> childrenByParent;
        private final Map<NodeKey, BigDecimal> changes;
        private final Respread respread;
        private final List<TargetNode> revised = new ArrayList<>();

        TreeRevision(Decomposition current, Map<NodeKey, BigDecimal> changes, Respread respread) {
            this.current = current;
            this.childrenByParent = current.nodes().stream()
                    .filter(node -> node.parentKey().isPresent())
                    .collect(Collectors.groupingBy(node -> node.parentKey().orElseThrow()));
            this.changes = changes;
            this.respread = respread;
        }

        Decomposition revise(Levels levels) {
            TargetNode company = current.company();
            BigDecimal newTotal = changes.get(company.key());
            revise(company, newTotal == null ? Amounts.of(company) : Amounts.root(newTotal, levels, current.scale()));
            return new Decomposition(current.period(), current.scale(), revised, current.warnings());
        }

        private void revise(TargetNode node, Amounts amounts) {
            boolean changed = !amounts.sameAs(Amounts.of(node));
            revised.add(changed ? withAmounts(node, amounts) : node);
            Map<EntityType, List<TargetNode>> childrenByType = childrenByParent.getOrDefault(node.key(), List.of())
                    .stream()
                    .collect(Collectors.groupingBy(TargetNode::entityType, LinkedHashMap::new, Collectors.toList()));
            for (List<TargetNode> children : childrenByType.values()) {
                boolean childChanged = children.stream().anyMatch(child -> changes.containsKey(child.key()));
                List<Amounts> shares = changed || childChanged
                        ? share(node, amounts, children)
                        : children.stream().map(Amounts::of).toList();
                for (int index = 0; index < children.size(); index++) {
                    revise(children.get(index), shares.get(index));
                }
            }
        }

        /** A node whose monthly target stays keeps its days; only its levels move. */
        private TargetNode withAmounts(TargetNode node, Amounts amounts) {
            return amounts.monthly().compareTo(node.monthly()) == 0
                    ? node.withPlan(amounts, node.weekly(), node.daily())
                    : respread.apply(node, amounts);
        }

        /** The children's new amounts: monthly targets as described on {@code replan}, levels by those targets. */
        private List<Amounts> share(TargetNode parent, Amounts amounts, List<TargetNode> children) {
            List<BigDecimal> monthly = monthlyTargets(parent.key(), amounts.monthly(), children);
            int scale = current.scale();
            return Amounts.zip(
                    monthly,
                    Apportionment.split(amounts.base(), scale, monthly, Respread.AMOUNT_FIELD),
                    Apportionment.split(amounts.challenge(), scale, monthly, Respread.AMOUNT_FIELD));
        }

        private List<BigDecimal> monthlyTargets(NodeKey parent, BigDecimal parentMonthly, List<TargetNode> children) {
            BigDecimal claimed = children.stream()
                    .map(child -> changes.getOrDefault(child.key(), BigDecimal.ZERO))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal rest = parentMonthly.subtract(claimed);
            List<BigDecimal> currentOfOthers = children.stream()
                    .filter(child -> !changes.containsKey(child.key()))
                    .map(TargetNode::monthly)
                    .toList();
            String newTargets = "the new targets under " + parent + " add up to " + claimed.toPlainString();
            if (rest.signum() < 0) {
                throw new DecompositionException(Respread.AMOUNT_FIELD,
                        newTargets + ", more than its target of " + parentMonthly.toPlainString());
            }
            if (rest.signum() > 0 && currentOfOthers.stream().allMatch(target -> target.signum() == 0)) {
                throw new DecompositionException(Respread.AMOUNT_FIELD, newTargets + ", less than its target of "
                        + parentMonthly.toPlainString() + ", and none of its other children has a target to share the"
                        + " remaining " + rest.toPlainString() + " by");
            }
            Iterator<BigDecimal> restShares =
                    Apportionment.split(rest, current.scale(), currentOfOthers, Respread.AMOUNT_FIELD).iterator();
            return children.stream()
                    .map(child -> changes.containsKey(child.key()) ? changes.get(child.key()) : restShares.next())
                    .toList();
        }
    }
}
