package io.quotaflow.events.org;

import io.quotaflow.events.DomainEvent;

/**
 * The sales org as events, published by target-service on the compacted {@code sales-org} topic, keyed by
 * entity ({@code REP:r-001}, {@code TEAM:t-east}, {@code REGION:east}, {@code PRODUCT_LINE:pl-cloud}). Each
 * event carries the entity's whole current state, so the latest record per key is all a consumer needs;
 * {@code revision} grows with every change of the entity, and a consumer keeps the highest it has seen (a
 * republish may deliver an older revision again).
 */
public sealed interface OrgEvent extends DomainEvent
        permits RegionChanged, ProductLineChanged, TeamChanged, RepChanged {

    /** Increases with every change of the entity; keep the state of the highest. */
    long revision();

    /** {@code REP:r-001}: the Kafka key, unique across entity kinds. */
    String entityKey();

    @Override
    default String subject() {
        return entityKey();
    }
}
