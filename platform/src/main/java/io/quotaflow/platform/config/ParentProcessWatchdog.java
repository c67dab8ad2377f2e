package io.quotaflow.platform.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartingEvent;
import org.springframework.context.ApplicationListener;

import java.util.OptionalLong;
import java.util.function.Function;

/**
 * Ends a service whose launcher died without stopping it (kill -9), so that no process is left behind.
 *
 * <p>Active only in a service started by the local stack ({@code ./run.sh}): its launcher alone sets
 * {@code QUOTAFLOW_PARENT_PID} to its own pid. Anywhere else (Docker, an IDE, tests) the variable is unset
 * and the watchdog does nothing. Registered for every service in {@code META-INF/spring.factories}, so it
 * starts with the application, before any bean.
 */
public class ParentProcessWatchdog implements ApplicationListener<ApplicationStartingEvent> {

    static final String PARENT_PID = "QUOTAFLOW_PARENT_PID";
    private static final Logger log = LoggerFactory.getLogger(ParentProcessWatchdog.class);

    private final Function<String, String> environment;
    private final Runnable exit;

    public ParentProcessWatchdog() {
        this(System::getenv, () -> System.exit(0));
    }

    ParentProcessWatchdog(Function<String, String> environment, Runnable exit) {
        this.environment = environment;
        this.exit = exit;
    }

    @Override
    public void onApplicationEvent(ApplicationStartingEvent event) {
        watch();
    }

    /** Starts watching the launcher if one started this process; returns its pid then, otherwise nothing. */
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
        log.warn("Ignoring {}={}: not a process id, so no launcher is watched", PARENT_PID, value);
        return OptionalLong.empty();
    }

    private void launcherGone() {
        log.warn("The launcher process is gone; shutting down");
        exit.run();
    }
}
