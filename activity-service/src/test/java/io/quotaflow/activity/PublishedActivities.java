package io.quotaflow.activity;

import io.quotaflow.events.Topics;
import io.quotaflow.events.activity.ActivityEvent;
import io.quotaflow.testsupport.EmbeddedInfrastructure;
import io.quotaflow.testsupport.EventTap;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What the service publishes on {@code sales-activities} from now on, read by a real consumer. */
public final class PublishedActivities implements AutoCloseable {

    private final EventTap<ActivityEvent> tap;

    private PublishedActivities(EventTap<ActivityEvent> tap) {
        this.tap = tap;
    }

    /** Starts reading from the topic's end; open it before the action under test. */
    public static PublishedActivities tail() {
        return new PublishedActivities(EventTap.tail(EmbeddedInfrastructure.shared().kafkaBootstrapServers(),
                Topics.SALES_ACTIVITIES));
    }

    /** The first record of the event, once it arrived. */
    public EventTap.Received<ActivityEvent> awaitRecord(UUID eventId) {
        return tap.awaitUntil(all -> all.stream().anyMatch(r -> r.envelope().eventId().equals(eventId)),
                Duration.ofSeconds(30)).stream().filter(r -> r.envelope().eventId().equals(eventId)).findFirst()
                .orElseThrow();
    }

    public ActivityEvent await(UUID eventId) {
        return awaitRecord(eventId).payload();
    }

    /** How many records of the event arrived, after waiting a little more for late copies. */
    public long copiesOf(UUID eventId) {
        return tap.drain(Duration.ofSeconds(1)).stream().filter(r -> r.envelope().eventId().equals(eventId)).count();
    }

    /** Fails if any of these events arrives within a while. */
    public void assertNoneOf(UUID... eventIds) {
        List<UUID> ids = List.of(eventIds);
        assertThat(tap.drain(Duration.ofSeconds(2))).as("published events").noneMatch(r -> ids.contains(r.envelope().eventId()));
    }

    @Override
    public void close() {
        tap.close();
    }
}
