package io.quotaflow.kpi.aggregation.domain;

import io.quotaflow.events.EntityRef;
import io.quotaflow.events.EntityType;

import java.util.Objects;

/** Whom figures belong to: a rep, a team, a region, a product line or the company. */
public record Scope(EntityType type, String id) {

    public static final String COMPANY_ID = "company";
    public static final Scope COMPANY = new Scope(EntityType.COMPANY, COMPANY_ID);

    public Scope {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        if (type == EntityType.COMPANY) {
            id = COMPANY_ID;
        }
    }

    public static Scope rep(String id) {
        return new Scope(EntityType.REP, id);
    }

    public static Scope team(String id) {
        return new Scope(EntityType.TEAM, id);
    }

    public static Scope of(EntityRef ref) {
        return new Scope(ref.type(), ref.id());
    }

    public EntityRef ref() {
        return new EntityRef(type, id);
    }

    /** {@code REP:r-001}. */
    public String key() {
        return type + ":" + id;
    }

    public static Scope parse(String key) {
        int colon = key.indexOf(':');
        return new Scope(EntityType.valueOf(key.substring(0, colon)), key.substring(colon + 1));
    }

    @Override
    public String toString() {
        return key();
    }
}
