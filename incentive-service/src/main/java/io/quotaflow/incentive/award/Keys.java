package io.quotaflow.incentive.award;

import io.quotaflow.events.EventIds;

import java.util.UUID;

/**
 * Field names derived from ids that may hold dots (award ids carry tiers like {@code 0.8}, deal ids are the CRM's):
 * name-based UUIDs, stable and safe as MongoDB keys.
 */
public final class Keys {

    private Keys() {
    }

    /** The key of an award in its state document. */
    public static String award(String awardId) {
        return EventIds.of("incentive-award", awardId).toString();
    }

    /** A field name for any other id (a deal's, a customer's). */
    public static String of(String id) {
        return EventIds.of("incentive-key", id).toString();
    }

    /**
     * A statement line: the change {@code cause} (an event id) made to an award. Also the id of the event that
     * announces it, so a line and its event are one fact.
     */
    public static UUID line(String awardId, UUID cause) {
        return EventIds.of("incentive-line", awardId, cause.toString());
    }
}
