package io.quotaflow.platform.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartingEvent;
import org.springframework.context.ApplicationListener;

/**
 * When a service is started by the local stack, it receives the launcher's pid in
 * {@code QUOTAFLOW_PARENT_PID}; if the launcher dies without stopping it (kill -9), the service exits too,
 * so no process is left behind.
 */
public class ParentProcessWatchdog implements ApplicationListener<ApplicationStartingEvent> {

    static final String PARENT_PID = "QUOTAFLOW_PARENT_PID";
    private static final Logger log = LoggerFactory.getLogger(ParentProcessWatchdog.class);

    @Override
    public void onApplicationEvent(ApplicationStartingEvent event) {
        String pid = System.getenv(PARENT_PID);
        if (pid == null || pid.isBlank()) {
            return;
        }
        ProcessHandle.of(Long.parseLong(pid.trim())).ifPresentOrElse(
                parent -> parent.onExit().thenRun(ParentProcessWatchdog::exit),
                ParentProcessWatchdog::exit);
    }

    private static void exit() {
        log.warn("The launcher process is gone; shutting down");
        System.exit(0);
    }
}
