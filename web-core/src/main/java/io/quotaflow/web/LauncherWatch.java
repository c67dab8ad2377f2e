package io.quotaflow.web;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * Ends a process whose launcher died without stopping it ({@code kill -9}), so that no service — nor the gateway,
 * which would keep its port — is left behind.
 *
 * <p>Active only in a process started by the local stack ({@code ./run.sh}, the benchmarks, the system tests): the
 * launcher alone sets {@code QUOTAFLOW_PARENT_PID} to its own pid. Anywhere else (Docker, Kubernetes, an IDE, tests)
 * the variable is unset and nothing is watched. When the launcher is gone, the process shuts down as usual; since
 * Kafka and MongoDB most likely went with the launcher, a shutdown still running after {@link #GRACE} is cut short.
 */
public final class LauncherWatch {

    public static final String PARENT_PID = "QUOTAFLOW_PARENT_PID";
    /** How long an orderly shutdown may take once the launcher is gone. */
    static final Duration GRACE = Duration.ofSeconds(10);
    private static final System.Logger log = System.getLogger(LauncherWatch.class.getName());

    private final Function<String, String> environment;
    private final Runnable exit;

    LauncherWatch(Function<String, String> environment, Runnable exit) {
        this.environment = environment;
        this.exit = exit;
    }

    /** Watches this process's launcher, if one started it; returns its pid then, otherwise nothing. */
    public static OptionalLong start() {
        return new LauncherWatch(System::getenv, LauncherWatch::exitWithinGrace).watch();
    }

    OptionalLong watch() {
        OptionalLong launcher = launcherPid(environment.apply(PARENT_PID));
        launcher.ifPresent(pid -> ProcessHandle.of(pid).ifPresentOrElse(
                parent -> parent.onExit().thenRun(this::launcherGone),
                this::launcherGone));
        return launcher;
    }

    /** The launcher's pid from {@code QUOTAFLOW_PARENT_PID}, if set to one. */
    static OptionalLong launcherPid(String value) {
        if (value == null || value.isBlank()) {
            return OptionalLong.empty();
        }
        try {
            long pid = Long.parseLong(value.strip());
            if (pid > 0) {
                return OptionalLong.of(pid);
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        log.log(System.Logger.Level.WARNING, "Ignoring {0}={1}: not a process id, so no launcher is watched",
                PARENT_PID, value);
        return OptionalLong.empty();
    }

    private void launcherGone() {
        log.log(System.Logger.Level.WARNING, "The launcher process is gone; shutting down");
        exit.run();
    }

    private static void exitWithinGrace() {
        Thread deadline = new Thread(() -> {
            try {
                Thread.sleep(GRACE.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Runtime.getRuntime().halt(1);
        }, "launcher-gone-deadline");
        deadline.setDaemon(true);
        deadline.start();
        System.exit(0);
    }
}
