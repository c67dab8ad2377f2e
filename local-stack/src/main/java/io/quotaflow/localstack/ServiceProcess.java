package io.quotaflow.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One Quotaflow service running as its own JVM, with its output in a log file. */
public final class ServiceProcess {

    /** The launcher's JVM options: quick to start and small (C1 only, serial GC), not tuned for throughput. */
    public static final String FAST_START_JVM_OPTIONS = "-Xms64m -Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k";
    /**
     * A deployment's JVM: the default tiered JIT (C2) and GC, {@code -XX:+ExitOnOutOfMemoryError} as the Dockerfile
     * sets, and a fixed 1 GB heap in place of the image's {@code MaxRAMPercentage=75} (several services share one
     * machine). What runs under sustained load (the benchmarks, the reliability suite's long form) runs with it.
     */
    public static final String DEPLOYMENT_JVM_OPTIONS = "-Xms256m -Xmx1g -XX:+ExitOnOutOfMemoryError";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;

    private ServiceProcess(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /** Starts {@code java <jvmOptions> -jar <jar>} with the given environment. */
    public static ServiceProcess start(String name, Path jar, int port, String jvmOptions, Map<String, String> env,
                                       Path logDir) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(Arrays.stream(jvmOptions.trim().split("\\s+")).filter(option -> !option.isBlank()).toList());
        command.add("-jar");
        command.add(jar.toString());
        try {
            Files.createDirectories(logDir);
            Path log = logDir.resolve(name + ".log");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().putAll(env);
            builder.environment().put("SERVER_PORT", Integer.toString(port));
            builder.environment().put("QUOTAFLOW_PARENT_PID", Long.toString(ProcessHandle.current().pid()));
            return new ServiceProcess(name, port, builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public Path log() {
        return log;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Whether {@code /actuator/health} answers 200 (status UP). */
    public boolean isHealthy() {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/actuator/health"))
                    .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The last lines of the log, to show why a service failed to start. */
    public String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** The operating system's id of the service's JVM. */
    public long pid() {
        return process.pid();
    }

    /** Kills the service at once ({@code kill -9}: no shutdown hook, no graceful stop) and waits until it is gone. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Asks the service to stop (SIGTERM: graceful shutdown), then forces it after the grace period. */
    public void stop(Duration grace) {
        if (!process.isAlive()) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
