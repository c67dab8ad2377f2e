package io.quotaflow.target.decomposition;

/** A sales team, part of one region. */
public record TeamInfo(String id, String regionId) {
}
