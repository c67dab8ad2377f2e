package io.quotaflow.systemtests;

import io.quotaflow.localstack.Ports;
import io.quotaflow.localstack.ServiceProcess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One more instance of a service, started by the test as the launcher starts its own (same jar, same
 * environment, its own port and log), so it joins the service's consumer group against the same Kafka and
 * MongoDB. Its consumers' session timeout is short (10 s instead of 45 s), so that the group notices its death
 * quickly; nothing else differs.
 */
final class ExtraInstance implements AutoCloseable {

    /** The launcher's default JVM options of a service (LocalStackOptions), plus the short session timeout. */
    private static final String JVM_OPTIONS = "-Xms64m -Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k"
            + " -Dspring.cloud.stream.kafka.binder.consumer-properties.session.timeout.ms=10000"
            + " -Dspring.cloud.stream.kafka.binder.consumer-properties.heartbeat.interval.ms=2000";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final ServiceProcess service;
    private final Path jar;

    private ExtraInstance(ServiceProcess service, Path jar) {
        this.service = service;
        this.jar = jar;
    }

    static ExtraInstance start(RunningSystem system, String service, String name) {
        Path jar = RunningSystem.executableJar(service);
        Path logs = RunningSystem.projectDir().resolve("system-tests/target/local-stack-logs");
        return new ExtraInstance(ServiceProcess.start(name, jar, Ports.free(), JVM_OPTIONS,
                system.serviceEnvironment(), logs), jar);
    }

    String name() {
        return service.name();
    }

    boolean isHealthy() {
        return service.isHealthy();
    }

    boolean isAlive() {
        return service.isAlive();
    }

    /** How many records of {@code topic} its ledgers applied ({@code quotaflow.ledger.records}, outcome applied). */
    double appliedRecords(String topic) {
        try {
            String metrics = HTTP.send(HttpRequest.newBuilder(URI.create(service.url() + "/actuator/prometheus"))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
            return metrics.lines()
                    .filter(line -> line.startsWith("quotaflow_ledger_records_total{")
                            && line.contains("topic=\"" + topic + "\"") && line.contains("outcome=\"applied\""))
                    .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                    .sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** SIGKILL ({@code destroyForcibly} on Linux): no shutdown hook, no graceful close of anything. */
    void kill() throws Exception {
        List<ProcessHandle> processes = ProcessHandle.current().children()
                .filter(process -> process.info().arguments()
                        .map(arguments -> List.of(arguments).contains(jar.toString())).orElse(false))
                .toList();
        if (processes.size() != 1) {
            throw new AssertionError("expected one process of " + jar + ", found " + processes);
        }
        processes.get(0).destroyForcibly();
        processes.get(0).onExit().get(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        service.stop(Duration.ofSeconds(20));
    }

    @Override
    public String toString() {
        return service.name() + " at " + service.url() + " (log " + service.log() + ")";
    }
}
