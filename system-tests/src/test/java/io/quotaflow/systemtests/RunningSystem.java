package io.quotaflow.systemtests;

import io.quotaflow.localstack.Ports;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The whole system started exactly as a user starts it — the local-stack launcher jar as its own process,
 * which starts Kafka, MongoDB and every service — but on free ports so it never collides with a running demo.
 */
final class RunningSystem implements AutoCloseable {

    /** The generic CRM webhook's signing secret the services are given (the launcher configures none). */
    static final String WEBHOOK_SECRET = "system-test-webhook-secret";
    /** The Salesforce organisation whose Outbound Messages activity-service accepts. */
    static final String SALESFORCE_ORGANIZATION = "00DE2E000000001AAA";

    /**
     * Settings the launcher does not give the services, passed through its environment, which every service it
     * starts inherits (the launcher only adds its own variables): the CRM credentials, and a short close grace so
     * that last month can be closed even on the first day of a month.
     */
    static final Map<String, String> SERVICE_ENVIRONMENT = Map.of(
            "QUOTAFLOW_WEBHOOK_SECRETS", WEBHOOK_SECRET,
            "SALESFORCE_ORGANIZATION_ID", SALESFORCE_ORGANIZATION,
            "QUOTAFLOW_INCENTIVE_CLOSE_GRACE", "1m");

    private final Process launcher;
    private final Map<String, Integer> ports;
    private final List<String> output = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Void> outputClosed;

    private RunningSystem(Process launcher, Map<String, Integer> ports) {
        this.launcher = launcher;
        this.ports = ports;
        this.outputClosed = CompletableFuture.runAsync(this::collectOutput);
    }

    /** The system with {@code extraArgs} on the launcher's command line (e.g. {@code --no-demo}). */
    static RunningSystem start(Duration timeout, String... extraArgs) {
        Path root = Path.of(System.getProperty("quotaflow.project-dir", "..")).toAbsolutePath().normalize();
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String name : List.of("gateway", "gateway-management", "target-service", "activity-service",
                "kpi-service", "incentive-service", "kafka", "kafka-controller", "mongo")) {
            ports.put(name, Ports.free());
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx768m", "-XX:+UseSerialGC",
                "-jar", launcherJar(root).toString(),
                "--project-dir=" + root,
                "--log-dir=" + root.resolve("system-tests/target/local-stack-logs"),
                "--startup-timeout=" + timeout.toSeconds()));
        ports.forEach((name, port) -> command.add("--" + name + "-port=" + port));
        command.addAll(List.of(extraArgs));
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putAll(SERVICE_ENVIRONMENT);
            Process process = builder.start();
            RunningSystem system = new RunningSystem(process, ports);
            system.awaitOutput("Press Ctrl-C to stop.", timeout.plusSeconds(60));
            return system;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url(String service) {
        return "http://127.0.0.1:" + ports.get(service);
    }

    int port(String name) {
        return ports.get(name);
    }

    Map<String, Integer> ports() {
        return Map.copyOf(ports);
    }

    List<ProcessHandle> processes() {
        List<ProcessHandle> all = new ArrayList<>();
        all.add(launcher.toHandle());
        launcher.descendants().forEach(all::add);
        return all;
    }

    boolean isAlive() {
        return launcher.isAlive();
    }

    /** Waits until the launcher printed a line containing {@code line}. */
    void awaitLine(String line, Duration timeout) {
        awaitOutput(line, timeout);
    }

    String output() {
        return String.join("\n", output);
    }

    /** Sends SIGTERM, as a service manager or {@code kill} would, and waits for the launcher to exit. */
    boolean stop(Duration timeout) throws InterruptedException {
        // Through the handle: Process.destroy() would also close our end of its output.
        launcher.toHandle().destroy();
        boolean exited = launcher.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        try {
            outputClosed.get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // the output is what it is
        }
        return exited;
    }

    @Override
    public void close() {
        launcher.descendants().forEach(ProcessHandle::destroyForcibly);
        launcher.destroyForcibly();
    }

    private void awaitOutput(String line, Duration timeout) {
        long deadline = System.currentTimeMillis() + timeout.toMillis();
        while (output.stream().noneMatch(l -> l.contains(line))) {
            if (!launcher.isAlive() || System.currentTimeMillis() > deadline) {
                close();
                throw new AssertionError("the system did not start; launcher output:\n" + output());
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
        }
    }

    private void collectOutput() {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(launcher.getInputStream(), StandardCharsets.UTF_8))) {
            reader.lines().forEach(output::add);
        } catch (IOException ignored) {
            // the launcher is gone
        }
    }

    /** The executable jar the build made of a module ({@code <module>/target/<module>-*-exec.jar}). */
    static Path executableJar(String module) {
        return executableJar(projectDir(), module);
    }

    static Path projectDir() {
        return Path.of(System.getProperty("quotaflow.project-dir", "..")).toAbsolutePath().normalize();
    }

    /**
     * The environment the launcher gives a service (LocalStack.start) plus {@link #SERVICE_ENVIRONMENT}: what
     * another instance of a service needs to join this system (its Kafka, MongoDB and token issuer).
     */
    Map<String, String> serviceEnvironment() {
        Map<String, String> env = new LinkedHashMap<>(SERVICE_ENVIRONMENT);
        env.put("SERVER_ADDRESS", "127.0.0.1");
        env.put("MONGODB_URI", "mongodb://127.0.0.1:" + port("mongo"));
        env.put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + port("kafka"));
        env.put("QUOTAFLOW_JWK_SET_URI", url("gateway") + "/.well-known/jwks.json");
        env.put("QUOTAFLOW_JWT_ISSUER", url("gateway"));
        return env;
    }

    private static Path launcherJar(Path root) {
        return executableJar(root, "local-stack");
    }

    private static Path executableJar(Path root, String module) {
        try (Stream<Path> files = Files.list(root.resolve(module).resolve("target"))) {
            return files.filter(file -> file.getFileName().toString().matches(module + "-.*-exec\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("build " + module + " first"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
