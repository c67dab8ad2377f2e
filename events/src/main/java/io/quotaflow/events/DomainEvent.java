package io.quotaflow.events;

/**
 * A fact that happened in one Quotaflow service and is published for the others.
 *
 * <p>Each producing service owns a sealed sub-interface ({@code TargetEvent}, {@code ActivityEvent},
 * {@code KpiEvent}, {@code IncentiveEvent}) so that consumers can {@code switch} over its events
 * exhaustively. Names are past tense, without an {@code Event} suffix.
 */
public interface DomainEvent {

    /** The aggregate the event is about; also the Kafka record key (a rep id for activity events). */
    String subject();
}
