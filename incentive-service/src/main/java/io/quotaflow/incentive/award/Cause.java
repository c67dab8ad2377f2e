package io.quotaflow.incentive.award;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Why an award changed: the event that changed it ({@code eventId}, which names the statement line), when that
 * happened, the source events to show (the event and those behind it), and the line's description.
 */
public record Cause(UUID eventId, Instant at, List<UUID> sources, String description) {

    public Cause {
        sources = List.copyOf(sources);
    }
}
