package io.quotaflow.platform.config;

import io.quotaflow.web.LauncherWatch;
import org.springframework.boot.context.event.ApplicationStartingEvent;
import org.springframework.context.ApplicationListener;

/**
 * Starts web-core's {@link LauncherWatch} with every service: a service the local stack's launcher started ends when
 * that launcher dies without stopping it ({@code kill -9}); anywhere else it does nothing. Registered in {@code
 * META-INF/spring.factories}, so it starts with the application, before any bean. (The gateway starts the same watch
 * from its {@code main}.)
 */
public class ParentProcessWatchdog implements ApplicationListener<ApplicationStartingEvent> {

    @Override
    public void onApplicationEvent(ApplicationStartingEvent event) {
        LauncherWatch.start();
    }
}
