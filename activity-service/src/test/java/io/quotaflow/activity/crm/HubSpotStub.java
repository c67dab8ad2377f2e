package io.quotaflow.activity.crm;

import io.quotaflow.localstack.crm.HubSpotCrmApi;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The test JVM's one HubSpot CRM API ({@link HubSpotCrmApi}, on this machine, never the internet), for the private
 * app token the tests' settings give activity-service ({@link CrmTestSettings}).
 */
public final class HubSpotStub {

    public static final String TOKEN = "test-private-app-token";
    private static final HubSpotCrmApi SHARED = HubSpotCrmApi.start(TOKEN);
    private static final Instant CREATED = Instant.parse("2026-12-10T02:00:00Z");
    private static final Instant UPDATED = Instant.parse("2027-01-19T06:30:00Z");

    private HubSpotStub() {
    }

    public static HubSpotCrmApi shared() {
        return SHARED;
    }

    /** Serves an object with these properties and associations (created 2026-12-10, last changed 2027-01-19). */
    public static void object(String type, String id, Map<String, String> properties,
                              Map<String, List<String>> associations) {
        SHARED.put(type, id, HubSpotCrmApi.object(type, id, properties, associations, CREATED, UPDATED));
    }
}
