package io.quotaflow.kpi.archfixture;

import io.quotaflow.testsupport.TestClock;

import java.time.Instant;

/** kpi-service code that shares code neither from events nor from platform. */
public final class PinnedTime {

    public static Instant now() {
        return TestClock.NOW;
    }
}
