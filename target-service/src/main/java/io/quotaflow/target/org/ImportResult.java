package io.quotaflow.target.org;

/**
 * What a CSV import stored: every row, as new entities or replacing existing ones. A dry run counts the same
 * and stores nothing.
 */
public record ImportResult(int imported, int created, int updated, boolean dryRun) {
}
