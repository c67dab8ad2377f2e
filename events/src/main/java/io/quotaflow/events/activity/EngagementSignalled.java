package io.quotaflow.events.activity;

import java.time.Instant;

/** A customer engaged with content or the site: an email click, a site visit, a download, a livestream view. */
public record EngagementSignalled(
        String source,
        String externalId,
        String repId,
        String customerId,
        EngagementSignal signal,
        Integer durationSeconds,
        Instant occurredAt) implements ActivityEvent {

    @Override
    public ActivityType type() {
        return ActivityType.ENGAGEMENT_SIGNALLED;
    }
}
