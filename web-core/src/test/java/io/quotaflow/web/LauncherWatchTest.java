package io.quotaflow.web;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The watch ends a process when its launcher dies, and does nothing where no launcher started it. */
class LauncherWatchTest {

    private final CountDownLatch exited = new CountDownLatch(1);
    private Process launcher;

    @AfterEach
    void stopLauncher() {
        if (launcher != null) {
            launcher.destroyForcibly();
        }
    }

    @Test
    void shouldWatchNothingWhereNoLauncherStartedTheProcess() {
        assertThat(watch(Map.of()).watch()).isEmpty();
        assertThat(watch(Map.of(LauncherWatch.PARENT_PID, " ")).watch()).isEmpty();
        assertThat(exited.getCount()).isEqualTo(1);
    }

    @Test
    void shouldIgnoreAValueThatIsNoProcessId() {
        assertThat(watch(Map.of(LauncherWatch.PARENT_PID, "launcher")).watch()).isEmpty();
        assertThat(watch(Map.of(LauncherWatch.PARENT_PID, "-1")).watch()).isEmpty();
        assertThat(exited.getCount()).isEqualTo(1);
    }

    @Test
    void shouldEndTheProcessWhenTheLauncherDies() throws IOException, InterruptedException {
        launcher = new ProcessBuilder("sleep", "60").start();
        LauncherWatch watch = watch(Map.of(LauncherWatch.PARENT_PID, Long.toString(launcher.pid())));

        assertThat(watch.watch()).hasValue(launcher.pid());
        assertThat(exited.await(200, TimeUnit.MILLISECONDS)).as("exited while the launcher still runs").isFalse();

        launcher.destroyForcibly();

        assertThat(exited.await(10, TimeUnit.SECONDS)).as("exited once the launcher died").isTrue();
    }

    @Test
    void shouldEndTheProcessAtOnceWhenTheLauncherIsAlreadyGone() throws Exception {
        launcher = new ProcessBuilder("sleep", "60").start();
        launcher.destroyForcibly();
        assertThat(launcher.waitFor(10, TimeUnit.SECONDS)).isTrue();

        watch(Map.of(LauncherWatch.PARENT_PID, Long.toString(launcher.pid()))).watch();

        assertThat(exited.await(10, TimeUnit.SECONDS)).isTrue();
    }

    /**
     * A whole process, as a service is: its launcher killed, it shuts down; a shutdown that hangs (on a Kafka or
     * MongoDB that went with the launcher) is cut short after the grace period.
     */
    @Test
    void shouldEndAProcessWhoseShutdownHangsOnceTheGraceIsOver() throws Exception {
        launcher = new ProcessBuilder("sleep", "60").start();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HangingService.class.getName())
                .redirectErrorStream(true);
        builder.environment().put(LauncherWatch.PARENT_PID, Long.toString(launcher.pid()));
        Process service = builder.start();
        try {
            BufferedReader output = new BufferedReader(new InputStreamReader(service.getInputStream(),
                    StandardCharsets.UTF_8));
            assertThat(output.readLine()).isEqualTo("watching");
            assertThat(service.waitFor(1, TimeUnit.SECONDS)).as("ended while the launcher still runs").isFalse();

            long killed = System.nanoTime();
            launcher.destroyForcibly();

            assertThat(service.waitFor(LauncherWatch.GRACE.toSeconds() + 15, TimeUnit.SECONDS))
                    .as("ended after its launcher died").isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - killed)).isGreaterThanOrEqualTo(LauncherWatch.GRACE);
            assertThat(service.exitValue()).as("cut short, not ended by its own shutdown").isEqualTo(1);
        } finally {
            service.destroyForcibly();
        }
    }

    /** A process whose shutdown never ends by itself. */
    public static final class HangingService {
        public static void main(String[] args) throws InterruptedException {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    Thread.sleep(Long.MAX_VALUE);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            LauncherWatch.start();
            System.out.println("watching");
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    private LauncherWatch watch(Map<String, String> environment) {
        return new LauncherWatch(environment::get, exited::countDown);
    }
}
