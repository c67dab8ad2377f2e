package io.quotaflow.target.org;

/** An entity as stored by a PUT, and whether the PUT created it rather than replaced it. */
public record Upserted<T>(T entity, boolean created) {
}
