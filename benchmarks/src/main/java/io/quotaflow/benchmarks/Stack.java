package io.quotaflow.benchmarks;

import io.quotaflow.localstack.EmbeddedKafka;
import io.quotaflow.localstack.Ports;
import io.quotaflow.localstack.ServiceProcess;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The embedded stack of the local launcher (a real Kafka broker, the embedded MongoDB) in this JVM, and the
 * services as their own JVMs from their executable jars — measured with a deployment's JIT settings
 * ({@link #JVM_OPTIONS}); only the smoke test's tiny mode uses the launcher's fast-start flags
 * ({@code -XX:TieredStopAtLevel=1}, SerialGC, a 384 MB heap).
 */
final class Stack implements AutoCloseable {

    /** The services' JVM: a deployment's ({@link ServiceProcess#DEPLOYMENT_JVM_OPTIONS}), not the launcher's. */
    static final String JVM_OPTIONS = ServiceProcess.DEPLOYMENT_JVM_OPTIONS;
    static final int PARTITIONS = 6;

    private final Path projectDir;
    private final Path logDir;
    private final EmbeddedKafka kafka;
    private final ServicesMongo mongo;
    private final Admin admin;
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, ServiceProcess> running = new LinkedHashMap<>();
    private final Path signingKey;
    private final boolean profile;
    private final String jvmOptions;

    private Stack(Path projectDir, Path workDir, boolean profile, String jvmOptions, String mongodbUri) {
        this.projectDir = projectDir;
        this.profile = profile;
        this.jvmOptions = jvmOptions;
        this.logDir = workDir.resolve("logs");
        this.kafka = EmbeddedKafka.startOnFreePorts(PARTITIONS);
        this.mongo = ServicesMongo.of(mongodbUri);
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
        this.signingKey = kafka.dataDir().resolve("bench-signing-key.pem");
        for (String name : List.of("gateway", "gateway-management", "target-service", "activity-service",
                "kpi-service", "incentive-service")) {
            ports.put(name, Ports.free());
        }
    }

    /**
     * @param profile    record each service with JFR into the log directory
     * @param jvmOptions the services' JVM options: {@link #JVM_OPTIONS} to measure, the launcher's fast-start ones
     *                   where only the harness is tested
     * @param mongodbUri a MongoDB for the services ({@code --mongodb-uri}, see {@link ServicesMongo});
     *                   {@code null} for the embedded one in this JVM
     */
    static Stack start(Path projectDir, Path workDir, boolean profile, String jvmOptions, String mongodbUri) {
        return new Stack(projectDir, workDir, profile, jvmOptions, mongodbUri);
    }

    /** The services' MongoDB. */
    ServicesMongo mongo() {
        return mongo;
    }

    String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    Admin admin() {
        return admin;
    }

    String url(String service) {
        return "http://127.0.0.1:" + ports.get(service);
    }

    void createTopics(List<String> names) {
        try {
            admin.createTopics(names.stream().map(name -> new NewTopic(name, PARTITIONS, (short) 1)).toList())
                    .all().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create " + names, e);
        }
    }

    /** Starts the services named (in parallel) and waits until each reports UP. */
    void startServices(Map<String, Map<String, String>> services, Duration timeout) {
        List<ServiceProcess> started = new ArrayList<>();
        services.forEach((name, extraEnv) -> {
            Map<String, String> env = new LinkedHashMap<>();
            env.put("SERVER_ADDRESS", "127.0.0.1");
            env.put("MONGODB_URI", mongo.uri());
            env.putAll(mongo.retentionEnv());
            env.putAll(mongo.databaseEnv(name, extraEnv));
            env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
            env.put("QUOTAFLOW_JWK_SET_URI", url("gateway") + "/.well-known/jwks.json");
            env.put("QUOTAFLOW_JWT_ISSUER", url("gateway"));
            if (name.equals("gateway")) {
                env.put("MANAGEMENT_PORT", Integer.toString(ports.get("gateway-management")));
                env.put("MANAGEMENT_SERVER_ADDRESS", "127.0.0.1");
                env.put("QUOTAFLOW_DEV_TOKENS_ENABLED", "true");
                env.put("QUOTAFLOW_SIGNING_KEY_LOCATION", "file:" + signingKey);
                env.put("QUOTAFLOW_GENERATE_SIGNING_KEY", "true");
                // The rate limits are a policy per caller, not a capacity: lifted so that the benchmark measures
                // the gateway's work (every request still goes through its bucket).
                env.put("QUOTAFLOW_RATE_LIMIT_READS", "100000000");
                env.put("QUOTAFLOW_RATE_LIMIT_INGEST", "100000000");
                env.put("QUOTAFLOW_RATE_LIMIT_STANDARD", "100000000");
                for (String service : List.of("target-service", "activity-service", "kpi-service", "incentive-service")) {
                    env.put(service.toUpperCase().replace('-', '_') + "_URL", url(service));
                }
            }
            env.putAll(extraEnv);
            String jvm = jvmOptions;
            if (profile) {
                // A JFR recording per service start, dumped when it stops: what limits it (jfr print / JMC).
                jvm += " -XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
                        + logDir.resolve(name + "-" + System.currentTimeMillis() + ".jfr");
            }
            ServiceProcess process = ServiceProcess.start(name, jar(name), ports.get(name), jvm, env, logDir);
            running.put(name, process);
            started.add(process);
        });
        Instant deadline = Instant.now().plus(timeout);
        List<ServiceProcess> waiting = new ArrayList<>(started);
        while (!waiting.isEmpty()) {
            for (ServiceProcess service : List.copyOf(waiting)) {
                if (!service.isAlive()) {
                    throw new IllegalStateException(service.name() + " exited during start-up:\n" + service.tail(40));
                }
                if (service.isHealthy()) {
                    waiting.remove(service);
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(waiting.stream().map(ServiceProcess::name).toList()
                        + " did not report UP within " + timeout + "; logs in " + logDir);
            }
            Pause.millis(250);
        }
    }

    /**
     * Waits until a service accepts the token on {@code path} (200): its first call fetches the gateway's keys,
     * which a busy machine may not answer within the resource server's read timeout.
     */
    void awaitAuthenticated(String service, String path, String token, Duration timeout) {
        Http http = new Http();
        Instant deadline = Instant.now().plus(timeout);
        Http.Response response = http.get(url(service) + path, token);
        while (response.status() != 200) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(service + " refused a valid token: " + response.status() + " "
                        + response.body());
            }
            Pause.millis(500);
            response = http.get(url(service) + path, token);
        }
    }

    /** Drops a database of the services' MongoDB (its services must not be using it any more). */
    void dropDatabase(String name) {
        mongo.drop(name);
    }

    void stopService(String name) {
        ServiceProcess process = running.remove(name);
        if (process != null) {
            process.stop(Duration.ofSeconds(30));
        }
    }

    /** The operating-system process of a running service (a child of this JVM running its jar). */
    ProcessHandle process(String name) {
        String jar = jar(name).getFileName().toString();
        return ProcessHandle.current().children()
                .filter(child -> child.info().commandLine().map(line -> line.contains(jar)).orElse(false))
                .filter(ProcessHandle::isAlive)
                .findFirst().orElseThrow(() -> new IllegalStateException(name + " is not running"));
    }

    /** Peak resident memory of a process (Linux {@code VmHWM}), in bytes; -1 where unknown. */
    static long peakRss(ProcessHandle process) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    static Duration cpu(ProcessHandle process) {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** Forgets a consumer group's committed offsets (its members must be gone), so it starts from the beginning. */
    void deleteGroup(String group) {
        try {
            admin.deleteConsumerGroups(List.of(group)).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            if (!(e.getCause() instanceof org.apache.kafka.common.errors.GroupIdNotFoundException)) {
                throw new IllegalStateException("cannot delete group " + group, e);
            }
        }
    }

    /** Commits a group's offsets on a topic at its end, so that a new member starts with what comes next. */
    void moveGroupToEnd(String group, String topic) {
        try {
            Map<TopicPartition, OffsetSpec> latest = partitions(topic).stream()
                    .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
            Map<TopicPartition, OffsetAndMetadata> ends = admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS)
                    .entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                            entry -> new OffsetAndMetadata(entry.getValue().offset())));
            admin.alterConsumerGroupOffsets(group, ends).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot move " + group + " to the end of " + topic, e);
        }
    }

    /** The records on a topic (sum of its partitions' end offsets). */
    long endOffsets(String topic) {
        try {
            Map<TopicPartition, OffsetSpec> latest = partitions(topic).stream()
                    .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
            return admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).values().stream()
                    .mapToLong(info -> info.offset()).sum();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the end of " + topic, e);
        }
    }

    /** A group's committed lag on a topic; empty while it has committed nothing. */
    Optional<Long> lag(String group, String topic) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latest = partitions(topic).stream()
                    .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
            long lag = 0;
            boolean any = false;
            for (var end : admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).entrySet()) {
                OffsetAndMetadata offset = committed.get(end.getKey());
                long done = offset == null ? 0 : offset.offset();
                any |= offset != null;
                lag += Math.max(0, end.getValue().offset() - done);
            }
            return any ? Optional.of(lag) : Optional.empty();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the lag of " + group, e);
        }
    }

    private List<TopicPartition> partitions(String topic) throws Exception {
        return admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic).partitions()
                .stream().map(info -> new TopicPartition(topic, info.partition())).toList();
    }

    private Path jar(String name) {
        Path target = projectDir.resolve(name).resolve("target");
        try (Stream<Path> files = Files.exists(target) ? Files.list(target) : Stream.empty()) {
            return files.filter(file -> file.getFileName().toString().matches(name + "-.*-exec\\.jar"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no executable jar of " + name
                            + " under " + target + ": build first (./mvnw -DskipTests package; bench.sh does)"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        List.copyOf(running.values()).parallelStream().forEach(process -> process.stop(Duration.ofSeconds(20)));
        running.clear();
        admin.close();
        kafka.close();
        mongo.close();
    }
}
