package io.quotaflow.platform.consumption;

/**
 * The steps of a chunk, in order. A {@link Steps} listener hears each one; the crash-anywhere harness fails the
 * ledger right after any of them to prove that a restart ends in the same state.
 */
public enum Step {
    /** Dead letters sent and event-id markers inserted; nothing of the chunk applied yet. */
    MARKERS_WRITTEN,
    /** The chunk's journal entry is written (the chunk is claimed). */
    JOURNAL_WRITTEN,
    /** The first bulk of the chunk's document writes is applied, more follow. */
    WRITES_PARTIAL,
    /** Every document write of the chunk is applied. */
    WRITES_APPLIED,
    /** The chunk's derived events are acknowledged by Kafka. */
    EVENTS_PUBLISHED,
    /** The checkpoint is advanced; only the Kafka offset commit remains. */
    CHECKPOINT_ADVANCED
}
