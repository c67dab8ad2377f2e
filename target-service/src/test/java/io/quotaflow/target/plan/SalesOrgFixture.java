package io.quotaflow.target.plan;

import io.quotaflow.testsupport.TestTokens;
import org.springframework.test.web.servlet.client.RestTestClient;

import java.util.Map;

/**
 * One sales org for the plan tests, put through the org API before each test (idempotent, and cheap; the
 * database is shared by every {@code @ServiceIT}, and other tests may add entities that plans then include).
 *
 * <pre>
 * product lines  pl-saas (margin 0.60, priority 5), pl-hw (0.30, 3), pl-svc (0.45, 2)
 * regions        east (MATURE, +5 %)          west (EMERGING, +25 %)
 * teams          t-east-1, t-east-2 (east)    t-west-1 (west)
 * reps           r-e1a r-e1b r-e1c (t-east-1) r-e2a r-e2b (t-east-2) r-w1a r-w1b (t-west-1, r-w1b hired 2027-01-10)
 * </pre>
 */
final class SalesOrgFixture {

    static final String EAST_1 = "t-east-1";
    static final String EAST_2 = "t-east-2";
    static final String WEST_1 = "t-west-1";

    private SalesOrgFixture() {
    }

    static void ensure(RestTestClient http) {
        put(http, "product-lines/pl-saas", Map.of("name", "SaaS", "grossMargin", 0.6, "strategicPriority", 5));
        put(http, "product-lines/pl-hw", Map.of("name", "Hardware", "grossMargin", 0.3, "strategicPriority", 3));
        put(http, "product-lines/pl-svc", Map.of("name", "Services", "grossMargin", 0.45, "strategicPriority", 2));
        put(http, "regions/east", Map.of("name", "East", "marketType", "MATURE", "growthRate", 0.05));
        put(http, "regions/west", Map.of("name", "West", "marketType", "EMERGING", "growthRate", 0.25));
        put(http, "teams/" + EAST_1, Map.of("name", "East One", "regionId", "east", "managerId", "alice"));
        put(http, "teams/" + EAST_2, Map.of("name", "East Two", "regionId", "east", "managerId", "bob"));
        put(http, "teams/" + WEST_1, Map.of("name", "West One", "regionId", "west", "managerId", "carol"));
        rep(http, "r-e1a", EAST_1, "2024-03-01");
        rep(http, "r-e1b", EAST_1, "2025-06-01");
        rep(http, "r-e1c", EAST_1, "2023-01-09");
        rep(http, "r-e2a", EAST_2, "2024-09-16");
        rep(http, "r-e2b", EAST_2, "2022-11-01");
        rep(http, "r-w1a", WEST_1, "2025-02-03");
        rep(http, "r-w1b", WEST_1, "2027-01-10");
    }

    private static void rep(RestTestClient http, String id, String team, String hiredOn) {
        put(http, "reps/" + id, Map.of("name", "Rep " + id, "teamId", team, "hiredOn", hiredOn, "capacity", 1.0));
    }

    private static void put(RestTestClient http, String path, Map<String, Object> body) {
        http.put().uri("/api/org/" + path)
                .headers(headers -> headers.setBearerAuth(TestTokens.shared().admin()))
                .body(body)
                .exchange()
                .expectStatus().is2xxSuccessful();
    }
}
