package io.quotaflow.reliability;

import io.quotaflow.localstack.EmbeddedKafka;
import io.quotaflow.localstack.EmbeddedMongo;
import io.quotaflow.localstack.Ports;
import io.quotaflow.localstack.ServiceProcess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The whole system as the launcher runs it — a real Kafka broker and the embedded MongoDB (in memory) in this
 * JVM, each service as its own JVM from its executable jar, with the launcher's environment — but held by the test,
 * so that it can kill a service with {@code kill -9}, stop and restart the broker or the database, and start a
 * second instance of a service.
 */
final class EmbeddedSystem implements AutoCloseable {

    static final List<String> SERVICES =
            List.of("target-service", "activity-service", "kpi-service", "incentive-service", "gateway");
    static final String WEBHOOK_SECRET = "reliability-webhook-secret";
    static final String SALESFORCE_ORG = "00DRELIABILITY1";
    static final String HUBSPOT_SECRET = "reliability-hubspot-client-secret";
    static final long HUBSPOT_PORTAL = 7_700_001L;
    /** Long enough for nothing, short enough that last month may be closed on any day of this one. */
    static final String CLOSE_GRACE = "1m";
    /** The ingest policy of the gateway in this run: 120 requests a minute per caller (the flood's yardstick). */
    static final int INGEST_PER_MINUTE = 120;

    private final Path root;
    private final Path dataDir;
    private final Path logDir;
    private final int kafkaPort = Ports.free();
    private final int controllerPort = Ports.free();
    private final int mongoPort = Ports.free();
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, ServiceProcess> running = new ConcurrentHashMap<>();
    private final Map<String, Integer> incarnations = new ConcurrentHashMap<>();
    private volatile EmbeddedKafka kafka;
    private volatile EmbeddedMongo mongo;
    private final HubSpotApi hubspot = HubSpotApi.start();

    private EmbeddedSystem(Path root) {
        this.root = root;
        this.dataDir = root.resolve("reliability/target/reliability-data");
        this.logDir = root.resolve("reliability/target/service-logs");
        for (String service : SERVICES) {
            ports.put(service, Ports.free());
        }
        ports.put("gateway-management", Ports.free());
    }

    static EmbeddedSystem start(Duration timeout) {
        Path root = Path.of(System.getProperty("quotaflow.project-dir", "..")).toAbsolutePath().normalize();
        EmbeddedSystem system = new EmbeddedSystem(root);
        try {
            system.boot(timeout);
        } catch (RuntimeException | Error failed) {
            // Nobody else holds the system yet: stop what did start, or its services outlive the test JVM.
            system.close();
            throw failed;
        }
        return system;
    }

    private void boot(Duration timeout) {
        deleteRecursively(dataDir);
        deleteRecursively(logDir);
        mongo = EmbeddedMongo.start(null, mongoPort);
        startKafka();
        for (String service : SERVICES) {
            launch(service, service, ports.get(service));
        }
        awaitHealthy(List.copyOf(running.keySet()), timeout);
    }

    String gateway() {
        return url("gateway");
    }

    /** HubSpot's CRM API, as activity-service reads it after a webhook. */
    HubSpotApi hubspot() {
        return hubspot;
    }

    String url(String instance) {
        return running.containsKey(instance) ? running.get(instance).url() : "http://127.0.0.1:" + ports.get(instance);
    }

    /** The process id of a running instance, if it runs. */
    OptionalLong pid(String instance) {
        ServiceProcess process = running.get(instance);
        return process == null ? OptionalLong.empty() : OptionalLong.of(process.pid());
    }

    // ---- services

    /** {@code kill -9} of one instance: no graceful stop, whatever it was doing. */
    void kill(String instance) {
        ServiceProcess process = running.remove(instance);
        if (process != null) {
            process.kill();
        }
    }

    /** A graceful stop (SIGTERM), as a scale-down does. */
    void stop(String instance) {
        ServiceProcess process = running.remove(instance);
        if (process != null) {
            process.stop(Duration.ofSeconds(30));
        }
    }

    /** Starts an instance of a service again (or for the first time, as another instance) on its own port. */
    void start(String instance, String service) {
        int port = ports.computeIfAbsent(instance, name -> Ports.free());
        launch(instance, service, port);
    }

    void awaitHealthy(List<String> instances, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        List<String> waiting = new ArrayList<>(instances);
        while (!waiting.isEmpty()) {
            for (String instance : List.copyOf(waiting)) {
                ServiceProcess process = running.get(instance);
                if (process == null || !process.isAlive()) {
                    throw new AssertionError(instance + " is not running. Last lines of its log:\n"
                            + (process == null ? "" : process.tail(60)));
                }
                if (process.isHealthy()) {
                    waiting.remove(instance);
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(waiting + " did not report UP within " + timeout + "; logs in " + logDir);
            }
            pause(Duration.ofMillis(500));
        }
    }

    private void launch(String instance, String service, int port) {
        Map<String, String> env = new LinkedHashMap<>();
        String gateway = "http://127.0.0.1:" + ports.get("gateway");
        env.put("SERVER_ADDRESS", "127.0.0.1");
        env.put("MONGODB_URI", "mongodb://127.0.0.1:" + mongoPort);
        env.put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + kafkaPort);
        env.put("QUOTAFLOW_JWK_SET_URI", gateway + "/.well-known/jwks.json");
        env.put("QUOTAFLOW_JWT_ISSUER", gateway);
        if (service.equals("activity-service")) {
            env.put("QUOTAFLOW_WEBHOOK_SECRETS", WEBHOOK_SECRET);
            env.put("SALESFORCE_ORGANIZATION_ID", SALESFORCE_ORG);
            env.put("HUBSPOT_CLIENT_SECRET", HUBSPOT_SECRET);
            env.put("HUBSPOT_PORTAL_ID", Long.toString(HUBSPOT_PORTAL));
            env.put("HUBSPOT_API_BASE_URL", hubspot.baseUrl());
            env.put("HUBSPOT_ACCESS_TOKEN", HubSpotApi.TOKEN);
        }
        if (service.equals("incentive-service")) {
            env.put("QUOTAFLOW_INCENTIVE_CLOSE_GRACE", CLOSE_GRACE);
        }
        if (service.equals("gateway")) {
            env.put("MANAGEMENT_PORT", Integer.toString(ports.get("gateway-management")));
            env.put("MANAGEMENT_SERVER_ADDRESS", "127.0.0.1");
            env.put("QUOTAFLOW_DEV_TOKENS_ENABLED", "true");
            env.put("QUOTAFLOW_SIGNING_KEY_LOCATION", "file:" + dataDir.resolve("dev-signing-key.pem"));
            env.put("QUOTAFLOW_GENERATE_SIGNING_KEY", "true");
            // Ingestion is limited as in production, only lower, so that a short flood exhausts it; the test's
            // own reads (it polls KPIs and awards while waiting) are not what is measured.
            env.put("QUOTAFLOW_RATE_LIMIT_INGEST", Integer.toString(INGEST_PER_MINUTE));
            env.put("QUOTAFLOW_RATE_LIMIT_READS", "100000");
            env.put("QUOTAFLOW_RATE_LIMIT_STANDARD", "100000");
            for (String name : List.of("target-service", "activity-service", "kpi-service", "incentive-service")) {
                env.put(name.toUpperCase().replace('-', '_') + "_URL", "http://127.0.0.1:" + ports.get(name));
            }
        }
        int incarnation = incarnations.merge(instance, 1, Integer::sum);
        Path jar = executableJar(service);
        running.put(instance, ServiceProcess.start(instance + (incarnation == 1 ? "" : "-" + incarnation), jar, port,
                Mode.current().serviceJvmOptions(), env, logDir));
    }

    // ---- infrastructure

    void stopKafka() {
        kafka.close();
    }

    void startKafka() {
        kafka = EmbeddedKafka.start(dataDir.resolve("kafka"), kafkaPort, controllerPort, 6);
    }

    String kafkaBootstrapServers() {
        return "127.0.0.1:" + kafkaPort;
    }

    /**
     * A database outage: every connection dropped and the port closed; the data stays, as a restarted mongod's does.
     * (Closing and reopening an H2-backed server did the same, but the H2 backend deserializes every document it
     * updates: the long form's soak at 500 events/s outran it within a minute.)
     */
    void stopMongo() {
        mongo.suspend();
    }

    /** The database back on the same port, with its data. */
    void startMongo() {
        mongo.resume();
    }

    /** Kills every service (nothing is checked after the last fault, so a graceful stop would only take time). */
    @Override
    public void close() {
        running.values().forEach(ServiceProcess::kill);
        running.clear();
        hubspot.close();
        if (kafka != null) {
            try {
                kafka.close();
            } catch (RuntimeException alreadyStopped) {
                // stopped by a fault that failed half way
            }
        }
        if (mongo != null) {
            mongo.close();
        }
    }

    private Path executableJar(String service) {
        Path target = root.resolve(service).resolve("target");
        try (Stream<Path> files = Files.exists(target) ? Files.list(target) : Stream.empty()) {
            return files.filter(file -> file.getFileName().toString().matches(service + "-.*-exec\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no executable jar of " + service + " under " + target
                            + "; build it first (./mvnw -pl reliability -am verify does)"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted");
        }
    }
}
