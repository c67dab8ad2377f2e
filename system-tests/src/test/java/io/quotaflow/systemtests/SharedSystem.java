package io.quotaflow.systemtests;

import java.time.Duration;

/**
 * The one running system this module's integration tests share: starting it costs a minute or two, so it is
 * started once, by the first test class that asks for it, and stopped when the test JVM ends — or earlier by
 * {@link WholeSystemIT}'s last test, which stops it on purpose; test classes run in {@code @Order}
 * (junit-platform.properties) and WholeSystemIT comes last of those that share it. Asked for after that, it starts
 * again. Without the demo month ({@code --no-demo}): the tests own every figure they check.
 */
final class SharedSystem {

    private static RunningSystem system;

    private SharedSystem() {
    }

    static synchronized RunningSystem get() {
        if (system == null || !system.isAlive()) {
            RunningSystem started = RunningSystem.start(Duration.ofSeconds(480), "--no-demo");
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "stop-the-system"));
            system = started;
        }
        return system;
    }
}
