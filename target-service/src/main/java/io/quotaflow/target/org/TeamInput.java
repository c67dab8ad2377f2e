package io.quotaflow.target.org;

/** A team as an admin sends it; {@code managerId} may be left out. */
public record TeamInput(String name, String regionId, String managerId) implements OrgInput<Team> {

    @Override
    public Team withId(String id) {
        return new Team(id, name, regionId, managerId);
    }
}
