package io.quotaflow.platform.config;

import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationListener;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;

/** Every service watches its launcher (web-core's LauncherWatchTest shows what the watch does). */
class ParentProcessWatchdogTest {

    @Test
    void shouldStartWithEveryService() {
        assertThat(SpringFactoriesLoader.forDefaultResourceLocation().load(ApplicationListener.class))
                .hasAtLeastOneElementOfType(ParentProcessWatchdog.class);
    }
}
