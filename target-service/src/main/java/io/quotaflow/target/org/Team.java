package io.quotaflow.target.org;

/** A sales team in a region, led by a manager (the manager's user id, as in the token's {@code sub}). */
public record Team(String id, String name, String regionId, String managerId) {
}
