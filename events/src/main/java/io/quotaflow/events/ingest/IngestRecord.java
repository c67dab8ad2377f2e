package io.quotaflow.events.ingest;

import io.quotaflow.events.DomainEvent;

/**
 * What systems outside Quotaflow write to a Quotaflow topic for it to ingest (a topic whose producer is
 * {@link io.quotaflow.events.Topic#EXTERNAL}). Such records are the bare payload as JSON, not an
 * {@link io.quotaflow.events.EventEnvelope}: CRM pipelines (Kafka Connect, Debezium) cannot wrap them.
 */
public sealed interface IngestRecord extends DomainEvent permits ActivityReported {
}
