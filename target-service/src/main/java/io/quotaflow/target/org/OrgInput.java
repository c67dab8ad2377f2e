package io.quotaflow.target.org;

/**
 * What an admin sends to create or replace an org entity: the body of a PUT or one row of a CSV import. It is
 * checked by {@link OrgValidator} under the same rules either way.
 *
 * @param <T> the entity it becomes
 */
public sealed interface OrgInput<T> permits RegionInput, ProductLineInput, TeamInput, RepInput {

    /** The entity this input makes under {@code id}; only asked of a valid input. */
    T withId(String id);
}
