package io.quotaflow.events.activity;

import java.time.Instant;

/** A rep followed up with a customer: a call, visit, email, meeting, WeChat message or demo. */
public record FollowUpLogged(
        String source,
        String externalId,
        String repId,
        String customerId,
        FollowUpChannel channel,
        Integer durationSeconds,
        String dealId,
        Instant occurredAt) implements ActivityEvent {

    @Override
    public ActivityType type() {
        return ActivityType.FOLLOW_UP_LOGGED;
    }
}
