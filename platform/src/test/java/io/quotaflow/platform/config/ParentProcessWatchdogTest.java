package io.quotaflow.platform.config;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationListener;
import org.springframework.core.io.support.SpringFactoriesLoader;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The watchdog ends a service when its launcher dies, and does nothing where no launcher started it. */
class ParentProcessWatchdogTest {

    private final AtomicInteger exits = new AtomicInteger();
    private Process launcher;

    @AfterEach
    void stopLauncher() {
        if (launcher != null) {
            launcher.destroyForcibly();
        }
    }

    @Test
    void shouldWatchNothingWhereNoLauncherStartedTheService() {
        assertThat(watchdog(Map.of()).watch()).isEmpty();
        assertThat(watchdog(Map.of(ParentProcessWatchdog.PARENT_PID, " ")).watch()).isEmpty();
        assertThat(exits).hasValue(0);
    }

    @Test
    void shouldIgnoreAValueThatIsNoProcessId() {
        assertThat(watchdog(Map.of(ParentProcessWatchdog.PARENT_PID, "launcher")).watch()).isEmpty();
        assertThat(watchdog(Map.of(ParentProcessWatchdog.PARENT_PID, "-1")).watch()).isEmpty();
        assertThat(exits).hasValue(0);
    }

    @Test
    void shouldEndTheServiceWhenTheLauncherDies() throws IOException {
        launcher = new ProcessBuilder("sleep", "60").start();
        ParentProcessWatchdog watchdog = watchdog(Map.of(ParentProcessWatchdog.PARENT_PID,
                Long.toString(launcher.pid())));

        assertThat(watchdog.watch()).hasValue(launcher.pid());
        assertThat(exits).as("the launcher still runs").hasValue(0);

        launcher.destroyForcibly();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(exits).hasValue(1));
    }

    @Test
    void shouldEndTheServiceAtOnceWhenTheLauncherIsAlreadyGone() throws Exception {
        launcher = new ProcessBuilder("sleep", "60").start();
        launcher.destroyForcibly();
        assertThat(launcher.waitFor(10, TimeUnit.SECONDS)).isTrue();

        watchdog(Map.of(ParentProcessWatchdog.PARENT_PID, Long.toString(launcher.pid()))).watch();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(exits).hasValue(1));
    }

    @Test
    void shouldStartWithEveryService() {
        assertThat(SpringFactoriesLoader.forDefaultResourceLocation().load(ApplicationListener.class))
                .hasAtLeastOneElementOfType(ParentProcessWatchdog.class);
    }

    private ParentProcessWatchdog watchdog(Map<String, String> environment) {
        return new ParentProcessWatchdog(environment::get, exits::incrementAndGet);
    }
}
