package io.quotaflow.activity;

import io.quotaflow.platform.org.OrgDirectory;
import io.quotaflow.testsupport.TestTokens;
import org.springframework.test.web.servlet.client.RestTestClient;

import java.util.List;
import java.util.Map;

/**
 * The USD rates every test shares (a PUT replaces a currency's table, so all tests put the same one): 7.1000 from
 * 2026-01-01, 7.2345 from 2027-01-19, 7.5000 from 2027-01-20. No other currency has a rate.
 */
public final class TestRates {

    private TestRates() {
    }

    public static void ensure(ActivityApi admin) {
        admin.put("/api/activities/rates/USD", Map.of("entries", List.of(
                Map.of("effectiveFrom", "2026-01-01", "rate", "7.1000"),
                Map.of("effectiveFrom", "2027-01-19", "rate", "7.2345"),
                Map.of("effectiveFrom", "2027-01-20", "rate", "7.5000")))).expectStatus().is2xxSuccessful();
    }

    /** Maps a CRM user to a rep. */
    public static void owner(ActivityApi admin, String source, String ownerId, String repId) {
        admin.put("/api/crm/owners/" + source + "/" + ownerId, Map.of("repId", repId)).expectStatus().is2xxSuccessful();
    }

    /** What a CRM connector's test needs: the org, the shared rates, and the CRM user {@code ownerId} mapped to the rep. */
    public static void ensureForCrm(OrgDirectory org, RestTestClient http, String source, String ownerId) {
        TestOrg.ensure(org);
        ActivityApi admin = new ActivityApi(http, TestTokens.shared().admin());
        ensure(admin);
        owner(admin, source, ownerId, TestOrg.REP);
    }
}
