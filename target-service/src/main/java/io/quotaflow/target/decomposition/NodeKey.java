package io.quotaflow.target.decomposition;

/** Identifies a node of a decomposition: what kind of entity it is for, and which one. */
public record NodeKey(EntityType type, String id) {

    /** The root of every decomposition. */
    public static final NodeKey COMPANY = new NodeKey(EntityType.COMPANY, "company");

    /** Such as "team east-1", or just "company". */
    @Override
    public String toString() {
        return type == EntityType.COMPANY ? type.label() : type.label() + " " + id;
    }
}
