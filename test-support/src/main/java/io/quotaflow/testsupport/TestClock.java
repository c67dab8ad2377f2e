package io.quotaflow.testsupport;

import java.time.Instant;

/**
 * Business time in service tests: every {@link ServiceIT} runs with its clock pinned here, so that tests
 * of plans, pacing and periods behave the same whatever day they run on. (Tokens still expire by the real
 * clock.)
 */
public final class TestClock {

    /** Wednesday 20 January 2027, 10:00 in Asia/Shanghai. */
    public static final Instant NOW = Instant.parse("2027-01-20T02:00:00Z");

    private TestClock() {
    }
}
