package io.quotaflow.events.activity;

import io.quotaflow.events.DomainEvent;

import java.time.Instant;

/**
 * Events published by activity-service on the {@code sales-activities} topic. Every one is keyed by
 * {@code repId}, so each rep's activity stays in order within one partition.
 *
 * <p>{@code source} names the system the activity came from ({@code hubspot}, {@code salesforce},
 * {@code api}, {@code csv}, …) and {@code externalId} its id there; together with the activity type
 * they make the deterministic event id.
 */
public sealed interface ActivityEvent extends DomainEvent
        permits LeadCreated, LeadQualified, FollowUpLogged, OpportunityStageChanged,
                DealClosed, DealCancelled, PaymentCollected, EngagementSignalled {

    String source();

    String externalId();

    String repId();

    String customerId();

    Instant occurredAt();

    /** The canonical activity type of this event. */
    ActivityType type();

    @Override
    default String subject() {
        return repId();
    }
}
