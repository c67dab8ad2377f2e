package io.quotaflow.target.decomposition;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** Short ways to read a decomposition in tests. */
final class Nodes {

    private Nodes() {
    }

    static TargetNode node(Decomposition decomposition, EntityType type, String id) {
        return decomposition.node(type, id).orElseThrow(() -> new AssertionError("no node for " + new NodeKey(type, id)));
    }

    /** Monthly targets of all nodes of one kind, by id in listing order. */
    static Map<String, BigDecimal> monthlyOf(Decomposition decomposition, EntityType type) {
        Map<String, BigDecimal> monthly = new LinkedHashMap<>();
        decomposition.nodesOf(type).forEach(node -> monthly.put(node.entityId(), node.monthly()));
        return monthly;
    }
}
