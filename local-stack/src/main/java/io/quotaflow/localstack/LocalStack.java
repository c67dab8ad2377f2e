package io.quotaflow.localstack;

import io.quotaflow.localstack.demo.DemoFeeder;
import io.quotaflow.localstack.demo.DemoScenario;
import io.quotaflow.localstack.demo.HubSpotPortal;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * Runs the whole of Quotaflow on one machine without Docker: a real Kafka broker and the embedded MongoDB
 * server in this JVM, and each service as its own JVM. Ctrl-C (or SIGTERM) stops the services gracefully,
 * then the broker and the database; a service whose launcher dies stops itself.
 */
public final class LocalStack implements AutoCloseable {

    private static final PrintStream out = System.out;
    /** The Salesforce organisation whose outbound messages the demo sends (activity-service accepts only it). */
    static final String DEMO_SALESFORCE_ORGANIZATION = "00DQF0000000DEMOAA";

    private final LocalStackOptions options;
    private final List<ServiceProcess> services = new ArrayList<>();
    private EmbeddedKafka kafka;
    private EmbeddedMongo mongo;
    private volatile boolean closed;
    private Thread demo;
    /**
     * The generic webhook's secrets activity-service is given and the demo feeder signs with (the first): those of
     * the environment ({@code QUOTAFLOW_WEBHOOK_SECRETS}, comma-separated) if it names any, else one made for this run.
     */
    private final String webhookSecrets = Optional.ofNullable(System.getenv("QUOTAFLOW_WEBHOOK_SECRETS"))
            .filter(secrets -> !secrets.isBlank())
            .orElseGet(() -> HexFormat.of().formatHex(new SecureRandom().generateSeed(24)));
    /** The Salesforce organisation activity-service accepts and the demo sends for: the environment's, else the demo's. */
    private final String salesforceOrganization = Optional.ofNullable(System.getenv("SALESFORCE_ORGANIZATION_ID"))
            .filter(id -> !id.isBlank())
            .orElse(DEMO_SALESFORCE_ORGANIZATION);

    /** The HubSpot app's client secret activity-service verifies and the demo signs with: the environment's, else one made for this run. */
    private final String hubspotSecret = Optional.ofNullable(System.getenv("HUBSPOT_CLIENT_SECRET"))
            .filter(secret -> !secret.isBlank())
            .orElseGet(() -> HexFormat.of().formatHex(new SecureRandom().generateSeed(24)));
    /** The demo's HubSpot account, serving HubSpot's CRM API to activity-service while the demo runs (not with --feed). */
    private HubSpotPortal hubspot;

    LocalStack(LocalStackOptions options) {
        this.options = options;
    }

    public static void main(String[] args) {
        // Before any logger exists: the broker's chatter goes to a file, not the console.
        System.setProperty("logback.configurationFile", "local-stack-logback.xml");
        LocalStackOptions options;
        try {
            options = LocalStackOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(LocalStackOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            out.println(LocalStackOptions.USAGE);
            return;
        }
        System.setProperty("quotaflow.log-dir", options.logDir().toString());
        LocalStack stack = new LocalStack(options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.close();
            stopped.countDown();
        }, "quotaflow-shutdown"));
        try {
            stack.start();
        } catch (StartupFailure e) {
            System.err.println();
            System.err.println("error: " + e.getMessage());
            System.exit(1);
        }
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void start() {
        if (options.feed() != null) {
            feed(options.feed().toString());
            return;
        }
        List<Service> wanted = options.infraOnly() ? List.of() : locateServices();
        checkPortsAreFree(wanted);
        Instant started = Instant.now();

        out.println("Starting MongoDB (" + (options.dataDir() == null ? "in memory" : "kept in " + options.dataDir()) + ")…");
        mongo = EmbeddedMongo.start(options.dataDir() == null ? null : options.dataDir().resolve("mongo.mv"),
                options.mongoPort());
        out.println("Starting Kafka (KRaft)…");
        kafka = EmbeddedKafka.start(options.dataDir() == null ? null : options.dataDir().resolve("kafka"),
                options.kafkaPort(), options.kafkaControllerPort(), 6);

        if (!wanted.isEmpty()) {
            Path signingKey = keyFile();
            String gatewayUrl = gatewayUrl();
            if (demoWanted()) {
                hubspot = HubSpotPortal.start(hubspotSecret, hubspotPortal());
            }
            for (Service service : wanted) {
                Map<String, String> env = new LinkedHashMap<>();
                // Only the gateway is meant to be called; nothing listens beyond this machine.
                env.put("SERVER_ADDRESS", "127.0.0.1");
                env.put("MONGODB_URI", mongo.connectionString());
                env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
                env.put("QUOTAFLOW_JWK_SET_URI", gatewayUrl + "/.well-known/jwks.json");
                env.put("QUOTAFLOW_JWT_ISSUER", gatewayUrl);
                if (service.name().equals("activity-service") && demoWanted()) {
                    // The CRM credentials the demo feeder signs with; without the demo no CRM is configured.
                    env.put("QUOTAFLOW_WEBHOOK_SECRETS", webhookSecrets);
                    env.put("SALESFORCE_ORGANIZATION_ID", salesforceOrganization);
                    // The HubSpot account whose webhooks the demo sends and whose CRM API this process serves.
                    env.putAll(hubspot.environment());
                }
                if (service.name().equals("gateway")) {
                    env.put("MANAGEMENT_PORT", Integer.toString(options.gatewayManagementPort()));
                    env.put("MANAGEMENT_SERVER_ADDRESS", "127.0.0.1");
                    env.put("QUOTAFLOW_DEV_TOKENS_ENABLED", "true");
                    env.put("QUOTAFLOW_SIGNING_KEY_LOCATION", "file:" + signingKey);
                    env.put("QUOTAFLOW_GENERATE_SIGNING_KEY", "true");
                    options.servicePorts().forEach((name, port) -> env.put(
                            name.toUpperCase().replace('-', '_') + "_URL", "http://127.0.0.1:" + port));
                }
                out.println("Starting " + service.name() + " on port " + options.servicePorts().get(service.name()) + "…");
                services.add(ServiceProcess.start(service.name(), service.jar(),
                        options.servicePorts().get(service.name()), options.jvmOptions(), env, options.logDir()));
            }
            awaitHealthy();
        }
        printSummary(Duration.between(started, Instant.now()));
        if (demoWanted()) {
            startDemo(gatewayUrl());
        }
    }

    /**
     * Starts nothing: feeds the demo month into the Quotaflow behind {@code gateway} (a docker compose or cluster
     * deployment), signing its CRM messages with the credentials of this environment.
     */
    private void feed(String gateway) {
        if (System.getenv("QUOTAFLOW_WEBHOOK_SECRETS") == null || System.getenv("QUOTAFLOW_WEBHOOK_SECRETS").isBlank()) {
            throw new StartupFailure("--feed signs the demo's webhook calls with QUOTAFLOW_WEBHOOK_SECRETS, which is not "
                    + "set: export the secret activity-service at " + gateway + " was given (docker compose reads the "
                    + "same variable).");
        }
        out.println("Feeding the demo month into the Quotaflow at " + gateway + " (nothing is started here).");
        out.println("HubSpot: activity-service there reads HubSpot's API, which this feeder cannot serve it, so the "
                + DemoScenario.HUBSPOT_TEAM + " team's HubSpot activity goes through the batch API with HubSpot's ids "
                + "(the same events as its webhooks).");
        printLogins(gateway);
        out.println("The demo month is being seeded now; its progress follows.");
        out.println();
        out.println("Press Ctrl-C to stop.");
        startDemo(gateway);
    }

    private boolean demoWanted() {
        return options.demo() && !options.infraOnly();
    }

    /** Seeds and streams the demo month on its own thread; Ctrl-C interrupts it (see {@link #close()}). */
    private void startDemo(String gateway) {
        ZoneId zone = ZoneId.of(Optional.ofNullable(System.getenv("QUOTAFLOW_TIME_ZONE")).orElse("Asia/Shanghai"));
        DemoFeeder feeder = new DemoFeeder(new DemoFeeder.Settings(
                DemoScenario.standard().withReps(options.demoReps()).withHistoryMonths(options.demoHistoryMonths()),
                options.demoSpeed(), options.dataDir(), zone, gateway, webhookSecrets.split(",")[0].trim(),
                salesforceOrganization, hubspot), out, Clock.systemUTC());
        boolean feeding = options.feed() != null;
        demo = new Thread(() -> {
            try {
                feeder.run();
                if (feeding && !closed) {
                    System.exit(0);
                }
            } catch (RuntimeException e) {
                if (!closed) {
                    System.err.println();
                    System.err.println("Demo stopped: " + e.getMessage());
                    if (feeding) {
                        System.err.println("Start again (with --data-dir it continues where it stopped).");
                        System.exit(1);
                    }
                    System.err.println("Quotaflow keeps running; start again (with --data-dir it continues) or use "
                            + "--no-demo.");
                }
            }
        }, "quotaflow-demo");
        demo.setDaemon(true);
        demo.start();
    }

    /** The HubSpot account (portal id) activity-service accepts: the environment's, else the demo's. */
    private static long hubspotPortal() {
        String portal = System.getenv("HUBSPOT_PORTAL_ID");
        if (portal == null || portal.isBlank()) {
            return HubSpotPortal.DEMO_PORTAL;
        }
        try {
            return Long.parseLong(portal.trim());
        } catch (NumberFormatException e) {
            throw new StartupFailure("HUBSPOT_PORTAL_ID must be a HubSpot account id (a number), not '" + portal + "'");
        }
    }

    private String gatewayUrl() {
        return "http://127.0.0.1:" + options.servicePorts().get("gateway");
    }

    /** Kept in the data directory, so tokens survive a restart; otherwise beside the temporary broker data. */
    private Path keyFile() {
        Path dir = options.dataDir() != null ? options.dataDir() : kafka.dataDir();
        return dir.resolve("dev-signing-key.pem");
    }

    private void awaitHealthy() {
        Instant deadline = Instant.now().plus(options.startupTimeout());
        List<ServiceProcess> waiting = new ArrayList<>(services);
        while (!waiting.isEmpty()) {
            for (ServiceProcess service : List.copyOf(waiting)) {
                if (!service.isAlive()) {
                    throw new StartupFailure(service.name() + " exited during start-up. Last lines of "
                            + service.log() + ":\n" + service.tail(40));
                }
                if (service.isHealthy()) {
                    out.println("  " + service.name() + " is UP");
                    waiting.remove(service);
                }
            }
            if (!waiting.isEmpty() && Instant.now().isAfter(deadline)) {
                throw new StartupFailure(waiting.stream().map(ServiceProcess::name).toList()
                        + " did not report UP within " + options.startupTimeout().toSeconds() + " s; see "
                        + options.logDir());
            }
            sleep(1000);
        }
    }

    private void printSummary(Duration took) {
        out.println();
        out.printf("Quotaflow is up (%d s).%n", took.toSeconds());
        for (ServiceProcess service : services) {
            out.printf("  %-18s %-24s log: %s%n", service.name(), service.url(), service.log());
        }
        if (!services.isEmpty()) {
            out.printf("  %-18s http://127.0.0.1:%d/actuator/prometheus (the gateway's actuator)%n", "gateway metrics",
                    options.gatewayManagementPort());
        }
        out.printf("  %-18s %s%n", "Kafka", kafka.bootstrapServers());
        out.printf("  %-18s %s%n", "MongoDB", mongo.connectionString());
        if (!services.isEmpty()) {
            printLogins(gatewayUrl());
            if (demoWanted()) {
                out.println("The demo month is being seeded now (--no-demo: an empty system); its progress follows.");
            }
        }
        out.println();
        out.println("Press Ctrl-C to stop.");
    }

    private static void printLogins(String gateway) {
        out.println();
        out.println("Dashboard: " + gateway + "/  — sign in with one click as a demo user:");
        out.println("  alice   MANAGER of team t-east (Shanghai enterprise)");
        out.println("  r-001   REP in t-east");
        out.println("  ops     ADMIN (sales ops: the company, plans, incentive plans, period close)");
        out.println("Everything goes through the gateway, " + gateway + ". A dev token for the API:");
        out.println("  curl -s -X POST " + gateway + "/auth/dev-token -H 'Content-Type: application/json' \\");
        out.println("       -d '{\"sub\":\"alice\",\"roles\":[\"MANAGER\"],\"teamIds\":[\"t-east\"]}'");
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (demo != null) {
            demo.interrupt();
        }
        if (!services.isEmpty()) {
            out.println();
            out.println("Stopping " + services.size() + " services…");
        }
        services.parallelStream().forEach(service -> service.stop(Duration.ofSeconds(20)));
        if (kafka != null) {
            out.println("Stopping Kafka…");
            kafka.close();
        }
        if (mongo != null) {
            mongo.close();
        }
        if (hubspot != null) {
            hubspot.close();
        }
        out.println("Stopped.");
    }

    private void checkPortsAreFree(List<Service> wanted) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("Kafka (--kafka-port)", options.kafkaPort());
        ports.put("Kafka controller (--kafka-controller-port)", options.kafkaControllerPort());
        ports.put("MongoDB (--mongo-port)", options.mongoPort());
        for (Service service : wanted) {
            ports.put(service.name() + " (--" + service.name() + "-port)", options.servicePorts().get(service.name()));
        }
        if (!wanted.isEmpty()) {
            ports.put("the gateway's actuator (--gateway-management-port)", options.gatewayManagementPort());
        }
        List<String> busy = ports.entrySet().stream()
                .filter(entry -> !Ports.isFree(entry.getValue()))
                .map(entry -> "port " + entry.getValue() + " for " + entry.getKey())
                .toList();
        if (!busy.isEmpty()) {
            throw new StartupFailure("these ports are already in use: " + String.join(", ", busy)
                    + ".\nStop whatever uses them (is Quotaflow already running?) or choose other ports with the "
                    + "options named.");
        }
    }

    private List<Service> locateServices() {
        Path root = projectDir();
        List<Service> found = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String name : LocalStackOptions.SERVICES) {
            Path target = root.resolve(name).resolve("target");
            try (Stream<Path> files = Files.exists(target) ? Files.list(target) : Stream.empty()) {
                files.filter(file -> file.getFileName().toString().matches(name + "-.*-exec\\.jar"))
                        .findFirst()
                        .ifPresentOrElse(jar -> found.add(new Service(name, jar)), () -> missing.add(name));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (!missing.isEmpty()) {
            throw new StartupFailure("no executable jar for " + missing + " under " + root
                    + ". Build first: ./mvnw -DskipTests package (run.sh does this for you).");
        }
        return found;
    }

    private Path projectDir() {
        if (options.projectDir() != null) {
            return options.projectDir();
        }
        try {
            Path jar = Path.of(LocalStack.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            // <root>/local-stack/target/local-stack-<version>-exec.jar
            Path candidate = jar.getParent() == null ? null : jar.getParent().getParent();
            if (candidate != null && candidate.getParent() != null
                    && Files.exists(candidate.getParent().resolve("target-service"))) {
                return candidate.getParent();
            }
        } catch (Exception ignored) {
            // fall back to the working directory
        }
        return Path.of("").toAbsolutePath();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupFailure("interrupted");
        }
    }

    record Service(String name, Path jar) {
    }

    static final class StartupFailure extends RuntimeException {
        StartupFailure(String message) {
            super(message);
        }
    }
}
