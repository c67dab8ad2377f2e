package io.quotaflow.events.org;

/** A team was created or changed; {@code managerId} is the manager's user id (a token's {@code sub}). */
public record TeamChanged(String teamId, String name, String regionId, String managerId, long revision)
        implements OrgEvent {

    @Override
    public String entityKey() {
        return "TEAM:" + teamId;
    }
}
