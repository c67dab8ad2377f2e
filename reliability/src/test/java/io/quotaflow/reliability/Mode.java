package io.quotaflow.reliability;

import java.time.Duration;

/**
 * How hard the run pushes: {@code quick} inside the README's test command, {@code long} by
 * {@code ./mvnw -pl reliability -am verify -Dreliability.mode=long}.
 */
record Mode(String name, int killRounds, Duration brokerOutage, Duration databaseOutage, Duration flood,
            Duration soakFor, int soakEventsPerSecond, Duration soakSampleEvery) {

    static Mode current() {
        return "long".equalsIgnoreCase(System.getProperty("reliability.mode", "quick"))
                ? new Mode("long", 5, Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(60),
                        Duration.ofMinutes(Long.getLong("reliability.soak-minutes", 30)), 500, Duration.ofMinutes(1))
                // The quick form's soak is a short steady stream: it shows the checks work, not a slow leak.
                : new Mode("quick", 2, Duration.ofSeconds(10), Duration.ofSeconds(8), Duration.ofSeconds(10),
                        Duration.ofSeconds(30), 50, Duration.ofSeconds(10));
    }
}
