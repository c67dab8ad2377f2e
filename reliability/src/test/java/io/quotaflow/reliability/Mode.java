package io.quotaflow.reliability;

import io.quotaflow.localstack.ServiceProcess;

import java.time.Duration;

/**
 * How hard the run pushes: {@code quick} inside the README's test command, {@code long} by
 * {@code ./mvnw -pl reliability -am verify -Dreliability.mode=long}. The quick form starts the services as the
 * launcher does (C1 only, small heaps: quick to start); the long form as a deployment runs them (C2), since its
 * soak is sustained load — with the launcher's settings the 500 events/s outran them within a minute (the Maven
 * profile {@code long} gives the test JVM, which hosts the broker and the database, C2 as well).
 */
record Mode(String name, int killRounds, Duration brokerOutage, Duration databaseOutage, Duration flood,
            Duration soakFor, int soakEventsPerSecond, Duration soakSampleEvery, String serviceJvmOptions) {

    static Mode current() {
        return "long".equalsIgnoreCase(System.getProperty("reliability.mode", "quick"))
                ? new Mode("long", 5, Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(60),
                        Duration.ofMinutes(Long.getLong("reliability.soak-minutes", 30)),
                        Integer.getInteger("reliability.soak-rate", 500), Duration.ofMinutes(1),
                        ServiceProcess.DEPLOYMENT_JVM_OPTIONS)
                // The quick form's soak is a short steady stream: it shows the checks work, not a slow leak.
                : new Mode("quick", 2, Duration.ofSeconds(10), Duration.ofSeconds(8), Duration.ofSeconds(10),
                        Duration.ofSeconds(30), 50, Duration.ofSeconds(10), ServiceProcess.FAST_START_JVM_OPTIONS);
    }
}
