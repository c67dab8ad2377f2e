package io.quotaflow.target.decomposition;

import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A month's target broken down over the organisation. Nodes are listed company first, then
 * product lines, regions, teams and reps, each kind by id. Every node with children has a monthly
 * target, base and challenge equal to the sum of its children's, per dimension: the company's
 * product lines add up to it, and so do its regions.
 *
 * @param scale    decimal places of every amount
 * @param warnings things a planner should know about, such as targets nobody carries
 */
public record Decomposition(YearMonth period, int scale, List<TargetNode> nodes, List<String> warnings) {

    private static final Comparator<TargetNode> LISTING_ORDER =
            Comparator.comparing(TargetNode::entityType).thenComparing(TargetNode::entityId);

    public Decomposition {
        nodes = nodes.stream().sorted(LISTING_ORDER).toList();
        warnings = List.copyOf(warnings);
    }

    public TargetNode company() {
        return node(NodeKey.COMPANY).orElseThrow();
    }

    public Optional<TargetNode> node(EntityType type, String id) {
        return node(new NodeKey(type, id));
    }

    public Optional<TargetNode> node(NodeKey key) {
        return nodes.stream().filter(node -> node.key().equals(key)).findFirst();
    }

    /** The nodes directly under the given one, in listing order; for the company, product lines and regions. */
    public List<TargetNode> children(EntityType type, String id) {
        return children(new NodeKey(type, id));
    }

    public List<TargetNode> children(NodeKey parent) {
        return nodes.stream().filter(node -> node.parentKey().filter(parent::equals).isPresent()).toList();
    }

    /** All nodes of one kind, by id. */
    public List<TargetNode> nodesOf(EntityType type) {
        return nodes.stream().filter(node -> node.entityType() == type).toList();
    }
}
