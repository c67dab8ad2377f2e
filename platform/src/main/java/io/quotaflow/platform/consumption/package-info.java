/**
 * Consuming events exactly once, per batch, without transactions: the platform way for every Quotaflow
 * consumer.
 *
 * <p>A service implements a {@link io.quotaflow.platform.consumption.Projection} (what a record changes) and
 * binds it to a topic through {@link io.quotaflow.platform.consumption.Ledgers}. The {@link
 * io.quotaflow.platform.consumption.Ledger} receives each poll of records, splits it per partition into
 * chunks and, for each chunk:
 *
 * <ol>
 *   <li>reads the partition's checkpoint and drops records at or below it (already applied);</li>
 *   <li>decodes the records: a record that is not a valid event goes to {@code <topic>.<group>.dlq} with the
 *       reason in its headers, an unknown event type (a newer producer) is skipped and counted;</li>
 *   <li>inserts a marker per event id carrying its (partition, offset): a marker that exists with another
 *       offset is a true duplicate (a CRM retry that reached Kafka twice) and the record is dropped; one with
 *       the same offset is a redelivery of this very record, which goes on;</li>
 *   <li>runs the projection in memory over the documents it asked for (one bulk read per collection), giving
 *       document updates and derived events;</li>
 *   <li>claims the chunk by inserting its journal entry — the write-ahead record of those updates and events —
 *       under the unique id (consumer, partition, first offset after the checkpoint): a second consumer racing
 *       for the same chunk fails the insert and applies the winner's entry instead of its own;</li>
 *   <li>applies the updates: each is a compare-and-swap on the document's version ({@code {_id, v}}, served by a
 *       unique index) that also records, per topic-partition, the highest offset applied to the document; an
 *       update whose document already holds the chunk is skipped, so a retry, a recovery or a racing consumer
 *       never applies it twice;</li>
 *   <li>publishes the derived events (deterministic ids, so a repeat is dropped downstream), advances the
 *       checkpoint, and returns — the Kafka offsets are committed after that.</li>
 * </ol>
 *
 * A crash anywhere repeats at most the current chunk, whose journal entry (if it was written) is applied again,
 * fenced; state that the projection read is never re-read for a chunk already claimed, so the repeat gives
 * exactly the effects of the first attempt. Database work is per chunk, not per event: a constant number of
 * commands however many records the chunk holds (a version cache keeps steady-state writes free of reads).
 */
package io.quotaflow.platform.consumption;
