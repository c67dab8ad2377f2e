package io.quotaflow.systemtests;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docker compose} cannot run on the build machine (no Docker engine), so this keeps
 * {@code docker-compose.yml} complete and consistent with the modules instead.
 */
class DockerComposeTest {

    private static final Path ROOT = Path.of(System.getProperty("quotaflow.project-dir", "..")).toAbsolutePath();

    private final Map<String, Object> compose = yaml(ROOT.resolve("docker-compose.yml"));
    private final Map<String, Object> services = map(compose.get("services"));

    @Test
    void shouldHaveAnEntryBuiltFromThisCheckoutForEveryServiceModule() throws IOException {
        List<String> modules = serviceModules();
        assertThat(modules).contains("target-service", "activity-service", "kpi-service", "incentive-service",
                "gateway");

        for (String module : modules) {
            Map<String, Object> service = map(services.get(module));
            assertThat(service).as(module).isNotNull();
            assertThat(map(map(service.get("build")).get("args")).get("SERVICE")).as(module).isEqualTo(module);
            assertThat(service).as(module).containsKey("healthcheck");
        }
        assertThat(ROOT.resolve("Dockerfile")).exists();
    }

    @Test
    void shouldStartServicesOnlyOnceWhatTheyNeedIsHealthy() throws IOException {
        for (String module : serviceModules()) {
            Map<String, Object> dependsOn = map(map(services.get(module)).get("depends_on"));
            assertThat(dependsOn).as(module).isNotEmpty();
            dependsOn.forEach((dependency, condition) -> {
                assertThat(services).as(module + " depends on " + dependency).containsKey(dependency);
                assertThat(map(condition).get("condition")).isEqualTo("service_healthy");
            });
        }
        assertThat(map(map(services.get("kpi-service")).get("depends_on"))).containsKeys("kafka", "mongo");
        assertThat(map(map(services.get("gateway")).get("depends_on")))
                .containsKeys("target-service", "activity-service", "kpi-service", "incentive-service");
    }

    @Test
    void shouldRunKafkaInKraftModeAndMongoAsAReplicaSet() {
        Map<String, Object> kafka = map(services.get("kafka"));
        assertThat(kafka.get("image")).isEqualTo("apache/kafka:4.1.2");
        assertThat(map(kafka.get("environment")).get("KAFKA_PROCESS_ROLES")).isEqualTo("broker,controller");
        assertThat(kafka).containsKey("healthcheck");

        Map<String, Object> mongo = map(services.get("mongo"));
        assertThat(mongo.get("image")).isEqualTo("mongo:8");
        assertThat(mongo.get("command").toString()).contains("--replSet");
        assertThat(mongo).containsKey("healthcheck");
        assertThat(map(map(services.get("target-service")).get("environment")).get("MONGODB_URI").toString())
                .contains("replicaSet=rs0");
    }

    @Test
    void shouldScrapeEveryServiceWithPrometheusAndProvisionGrafana() throws IOException {
        String prometheus = Files.readString(ROOT.resolve("ops/prometheus/prometheus.yml"));
        for (String module : serviceModules()) {
            Map<String, Object> environment = map(map(services.get(module)).get("environment"));
            Object actuatorPort = environment.getOrDefault("MANAGEMENT_PORT", environment.get("SERVER_PORT"));
            assertThat(prometheus).as(module).contains(module + ":" + actuatorPort);
        }
        assertThat(prometheus).contains("/actuator/prometheus");
        assertThat(services).containsKeys("prometheus", "grafana");
        assertThat(Files.readString(ROOT.resolve("ops/grafana/provisioning/datasources/prometheus.yml")))
                .contains("http://prometheus:9090");
    }

    @Test
    void shouldPublishTheGatewaysPublicPortButNotItsActuator() {
        Map<String, Object> gateway = map(services.get("gateway"));
        Map<String, Object> environment = map(gateway.get("environment"));

        assertThat(environment.get("MANAGEMENT_PORT")).isNotNull().isNotEqualTo(environment.get("SERVER_PORT"));
        assertThat((List<?>) gateway.get("ports")).map(Object::toString)
                .containsExactly(environment.get("SERVER_PORT") + ":" + environment.get("SERVER_PORT"))
                .noneMatch(port -> port.contains(environment.get("MANAGEMENT_PORT").toString()));
    }

    @Test
    void shouldKeepDevTokensOffUnlessAskedFor() {
        Map<String, Object> gateway = map(map(services.get("gateway")).get("environment"));
        assertThat(gateway.get("QUOTAFLOW_DEV_TOKENS_ENABLED")).isEqualTo("${QUOTAFLOW_DEV_TOKENS_ENABLED:-false}");
    }

    /** The modules of the root pom that run as a service of their own. */
    private static List<String> serviceModules() throws IOException {
        Matcher modules = Pattern.compile("<module>([^<]+)</module>").matcher(Files.readString(ROOT.resolve("pom.xml")));
        List<String> names = new java.util.ArrayList<>();
        while (modules.find()) {
            String name = modules.group(1);
            if (name.endsWith("-service") || name.equals("gateway")) {
                names.add(name);
            }
        }
        return names;
    }

    private static Map<String, Object> yaml(Path file) {
        try {
            return new Yaml().load(Files.readString(file));
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }
}
