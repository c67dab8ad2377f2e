package io.quotaflow.events;

import java.util.Objects;

/** A reference to a responsible entity, e.g. {@code REP r-001} or {@code TEAM t-east}. */
public record EntityRef(EntityType type, String id) {

    public EntityRef {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
    }

    public static EntityRef rep(String id) {
        return new EntityRef(EntityType.REP, id);
    }

    public static EntityRef team(String id) {
        return new EntityRef(EntityType.TEAM, id);
    }

    /** {@code REP:r-001}: unique across entity types, used as a Kafka key and document id part. */
    public String key() {
        return type + ":" + id;
    }
}
