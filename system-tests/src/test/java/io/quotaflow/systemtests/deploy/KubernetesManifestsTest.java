package io.quotaflow.systemtests.deploy;

import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerPort;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1EnvFromSource;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1HTTPGetAction;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1Job;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServicePort;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import io.quotaflow.events.Topic;
import io.quotaflow.events.Topics;
import io.quotaflow.systemtests.ComposeFile;
import io.quotaflow.systemtests.ProjectFiles;
import io.quotaflow.systemtests.deploy.Kustomization.Images;
import io.quotaflow.systemtests.deploy.Kustomization.Resource;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.quotaflow.systemtests.ProjectFiles.ROOT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kubernetes manifests under {@code deploy/k8s}, checked offline: every object against its schema (Kubernetes
 * kinds with the official client's models, Strimzi's with Strimzi's model), and against the codebase and
 * {@code docker-compose.yml}: a Deployment per service, its image and ports, every topic of the registry, the README's
 * settings, Kafka and MongoDB as replicated clusters, production's replicas.
 */
class KubernetesManifestsTest {

    static final Path K8S = ROOT.resolve("deploy/k8s");
    static final Path BASE = K8S.resolve("base");
    static final Path PRODUCTION = K8S.resolve("overlays/production");

    /** Settings of the README's table that the manifests leave to the services' own defaults, and why. */
    private static final Map<String, String> LEFT_TO_DEFAULTS = Map.of(
            "QUOTAFLOW_LEDGER_CHUNK_SIZE", "each service has its own default (kpi-service takes larger chunks)",
            "MANAGEMENT_PORT", "the gateway's only");

    /** The Secrets the manifests expect to exist, with the keys they read; none is committed. */
    private static final Map<String, Set<String>> SECRETS = Map.of(
            "quotaflow-mongodb", Set.of("root-username", "root-password", "app-username", "app-password", "keyfile"),
            "quotaflow-gateway-signing-key", Set.of("gateway-signing-key.pem"),
            "quotaflow-tls", Set.of());

    private final ComposeFile compose = new ComposeFile();
    private final List<Resource> base = Kustomization.of(BASE).render();
    private final List<Resource> production = Kustomization.of(PRODUCTION).render();

    @Test
    void shouldValidateEveryObjectAgainstItsKubernetesOrStrimziSchema() {
        for (List<Resource> rendered : List.of(base, production)) {
            assertThat(rendered).hasSizeGreaterThan(30);
            for (Resource resource : rendered) {
                Object model = validate(resource);
                assertThat(model).as(resource.toString()).isNotNull();
            }
        }
    }

    @Test
    void shouldReadEveryManifestThroughAKustomizationWhoseResourcesExist() throws IOException {
        Set<Path> read = new HashSet<>(Kustomization.of(BASE).files());
        read.addAll(Kustomization.of(PRODUCTION).files());
        try (Stream<Path> files = Files.walk(K8S)) {
            List<Path> manifests = files.filter(file -> file.toString().endsWith(".yaml")
                    || file.toString().endsWith(".yml")).toList();
            assertThat(manifests).isNotEmpty();
            for (Path manifest : manifests) {
                assertThat(read).as("%s is applied (and so validated) by no kustomization", manifest).contains(manifest);
                if (manifest.getFileName().toString().equals("kustomization.yaml")) {
                    assertThat(Kustomization.of(manifest.getParent()).resourcePaths()).as(manifest.toString())
                            .isNotEmpty().allMatch(Files::exists);
                }
            }
        }
    }

    @Test
    void shouldDeployEveryServiceOfTheCodebaseWithTheImageAndPortsOfCompose() {
        List<String> services = ProjectFiles.serviceModules();
        assertThat(services).contains("target-service", "activity-service", "kpi-service", "incentive-service",
                "gateway");
        for (String service : services) {
            V1Deployment deployment = model(base, "Deployment", service, V1Deployment.class);
            V1Container container = container(deployment, service);
            String port = compose.setting(service, "SERVER_PORT");

            assertThat(container.getImage()).as(service).isEqualTo(compose.image(service));
            assertThat(port(container, "http")).as(service).hasToString(port);
            assertThat(env(container)).as(service).containsEntry("SERVER_PORT", port);

            V1Service serviceObject = model(base, "Service", service, V1Service.class);
            assertThat(serviceObject.getSpec().getSelector()).isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
            assertThat(serviceObject.getSpec().getPorts()).as(service)
                    .anySatisfy(p -> assertThat(p.getPort()).hasToString(port));

            assertThat(probe(container.getReadinessProbe().getHttpGet(), container)).isEqualTo("/actuator/health/readiness");
            assertThat(probe(container.getLivenessProbe().getHttpGet(), container)).isEqualTo("/actuator/health/liveness");
            assertThat(container.getResources().getRequests()).as(service).containsKeys("cpu", "memory");
            assertThat(container.getResources().getLimits()).as(service).containsKeys("cpu", "memory");

            V1PodDisruptionBudget budget = model(base, "PodDisruptionBudget", service, V1PodDisruptionBudget.class);
            assertThat(budget.getSpec().getSelector().getMatchLabels())
                    .isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
            V2HorizontalPodAutoscaler autoscaler =
                    model(base, "HorizontalPodAutoscaler", service, V2HorizontalPodAutoscaler.class);
            assertThat(autoscaler.getSpec().getScaleTargetRef().getName()).isEqualTo(service);
            assertThat(autoscaler.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
        }
    }

    @Test
    void shouldKeepTheGatewaysManagementPortOffItsPublicServiceAndIngress() {
        V1Container gateway = container(model(base, "Deployment", "gateway", V1Deployment.class), "gateway");
        String management = compose.setting("gateway", "MANAGEMENT_PORT");
        assertThat(port(gateway, "management")).hasToString(management);
        assertThat(env(gateway)).containsEntry("MANAGEMENT_PORT", management)
                .containsEntry("QUOTAFLOW_DEV_TOKENS_ENABLED", "false")
                .containsEntry("QUOTAFLOW_GENERATE_SIGNING_KEY", "false");

        for (V1ServicePort port : model(base, "Service", "gateway", V1Service.class).getSpec().getPorts()) {
            assertThat(port.getPort()).hasToString(compose.setting("gateway", "SERVER_PORT"));
            assertThat(port.getTargetPort().toString()).isNotIn(management, "management");
        }
        V1Ingress ingress = model(base, "Ingress", "gateway", V1Ingress.class);
        assertThat(ingress.getSpec().getRules()).singleElement().satisfies(rule ->
                assertThat(rule.getHttp().getPaths()).singleElement().satisfies(path -> {
                    assertThat(path.getBackend().getService().getName()).isEqualTo("gateway");
                    assertThat(path.getBackend().getService().getPort().getName()).isEqualTo("http");
                }));
    }

    @Test
    void shouldLetPrometheusScrapeEveryServiceWhereComposeDoes() {
        String prometheus = ProjectFiles.read(ROOT.resolve("ops/prometheus/prometheus.yml"));
        for (String service : ProjectFiles.serviceModules()) {
            V1Deployment deployment = model(base, "Deployment", service, V1Deployment.class);
            Map<String, String> annotations = deployment.getSpec().getTemplate().getMetadata().getAnnotations();
            String actuatorPort = Objects.requireNonNullElse(compose.setting(service, "MANAGEMENT_PORT"),
                    compose.setting(service, "SERVER_PORT"));

            assertThat(annotations).as(service).containsEntry("prometheus.io/scrape", "true")
                    .containsEntry("prometheus.io/port", actuatorPort)
                    .containsEntry("prometheus.io/path", "/actuator/prometheus");
            assertThat(container(deployment, service).getPorts()).extracting(V1ContainerPort::getContainerPort)
                    .contains(Integer.valueOf(actuatorPort));
            assertThat(prometheus).contains(service + ":" + actuatorPort);
        }
    }

    @Test
    void shouldGiveEveryServiceEverySettingOfTheReadme() {
        Map<String, String> config = configMap();
        List<String> settings = readmeSettings();
        assertThat(settings).contains("KAFKA_BOOTSTRAP_SERVERS", "KAFKA_PARTITIONS", "KAFKA_REPLICATION_FACTOR",
                "KAFKA_MIN_INSYNC_REPLICAS", "MONGODB_URI", "QUOTAFLOW_JWK_SET_URI", "QUOTAFLOW_JWT_ISSUER",
                "QUOTAFLOW_JWT_AUDIENCE");

        for (String service : ProjectFiles.serviceModules()) {
            if (service.equals("gateway")) {
                continue;
            }
            V1Container container = container(model(base, "Deployment", service, V1Deployment.class), service);
            assertThat(container.getEnvFrom()).extracting(V1EnvFromSource::getConfigMapRef)
                    .anySatisfy(ref -> assertThat(ref.getName()).isEqualTo("quotaflow-config"));
            Set<String> available = new HashSet<>(config.keySet());
            available.addAll(env(container).keySet());
            for (String setting : settings) {
                if (!LEFT_TO_DEFAULTS.containsKey(setting)) {
                    assertThat(available).as("%s gets %s", service, setting).contains(setting);
                }
            }
            assertThat(env(container).get("MONGODB_URI")).contains("$(MONGODB_HOSTS)")
                    .contains("replicaSet=$(MONGODB_REPLICA_SET)");
        }
        assertThat(config).containsEntry("KAFKA_REPLICATION_FACTOR", "3").containsEntry("KAFKA_MIN_INSYNC_REPLICAS", "2");
        assertThat(config.get("KAFKA_BOOTSTRAP_SERVERS"))
                .isEqualTo(kafka().getMetadata().getName() + "-kafka-bootstrap:" + plainListener().getPort());
    }

    @Test
    void shouldTakeSecretsFromSecretsThatAreCreatedBesideTheManifestsNotCommitted() {
        String deployReadme = ProjectFiles.read(ROOT.resolve("deploy/README.md"));
        Set<String> referenced = new HashSet<>();
        for (Resource resource : base) {
            assertThat(resource.kind()).as(resource.toString()).isNotEqualTo("Secret");
            referencedSecrets(resource.document(), null, referenced);
        }
        assertThat(referenced).isNotEmpty();
        for (String reference : referenced) {
            String[] secretAndKey = reference.split("/", 2);
            assertThat(SECRETS).as("an undocumented Secret: " + reference).containsKey(secretAndKey[0]);
            if (secretAndKey.length > 1) {
                assertThat(SECRETS.get(secretAndKey[0])).as(reference).contains(secretAndKey[1]);
            }
        }
        SECRETS.forEach((secret, keys) -> {
            assertThat(deployReadme).as("deploy/README.md says how to create " + secret).contains(secret);
            keys.forEach(key -> assertThat(deployReadme).as(secret + " key " + key).contains(key));
        });
    }

    @Test
    void shouldDeclareEveryTopicOfTheRegistryWithItsPartitionsReplicasAndCompaction() {
        Map<String, KafkaTopic> topics = new LinkedHashMap<>();
        for (Resource resource : resources(base, "KafkaTopic")) {
            KafkaTopic topic = (KafkaTopic) StrimziSchema.validate(resource.document());
            String name = topic.getSpec().getTopicName() != null ? topic.getSpec().getTopicName() : resource.name();
            topics.put(name, topic);
            assertThat(topic.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", kafka().getMetadata().getName());
        }
        int partitions = Integer.parseInt(configMap().get("KAFKA_PARTITIONS"));
        for (Topic<?> topic : Topics.all()) {
            KafkaTopic declared = topics.get(topic.name());
            assertThat(declared).as("a KafkaTopic for %s in deploy/k8s/base/kafka/topics.yaml", topic.name()).isNotNull();
            assertThat(declared.getSpec().getPartitions()).as(topic.name()).isEqualTo(partitions).isEqualTo(12);
            assertThat(declared.getSpec().getReplicas()).as(topic.name()).isEqualTo(3);
            Map<String, Object> config = declared.getSpec().getConfig();
            assertThat(config).as(topic.name()).containsEntry("min.insync.replicas", 2);
            if (topic.compacted()) {
                assertThat(config).as(topic.name()).containsEntry("cleanup.policy", "compact");
            } else {
                assertThat(config).as(topic.name()).doesNotContainKey("cleanup.policy");
            }
        }
        assertThat(topics.keySet()).as("KafkaTopics of no registered topic")
                .allMatch(name -> Topics.byName(name).isPresent());
    }

    @Test
    void shouldRunKafkaInKraftModeOnThreeNodesThatAreBrokersAndControllers() {
        KafkaNodePool pool = (KafkaNodePool) StrimziSchema.validate(single(base, "KafkaNodePool").document());
        Kafka kafka = kafka();
        assertThat(pool.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", kafka.getMetadata().getName());
        assertThat(pool.getSpec().getReplicas()).isEqualTo(3);
        assertThat(pool.getSpec().getRoles()).containsExactlyInAnyOrder(ProcessRoles.CONTROLLER, ProcessRoles.BROKER);

        assertThat(kafka.getSpec().getKafka().getVersion())
                .as("the Kafka of docker-compose.yml").isEqualTo(Images.tag(compose.image("kafka")));
        assertThat(kafka.getSpec().getKafka().getConfig())
                .containsEntry("default.replication.factor", 3)
                .containsEntry("min.insync.replicas", 2)
                .containsEntry("offsets.topic.replication.factor", 3)
                .containsEntry("transaction.state.log.min.isr", 2)
                .containsEntry("auto.create.topics.enable", false);
        assertThat(kafka.getSpec().getEntityOperator().getTopicOperator()).isNotNull();
    }

    @Test
    void shouldRunMongoAsAThreeMemberReplicaSetOfTheComposeImage() {
        V1StatefulSet mongo = model(base, "StatefulSet", "mongodb", V1StatefulSet.class);
        V1Service headless = model(base, "Service", mongo.getSpec().getServiceName(), V1Service.class);
        Map<String, String> config = configMap();
        V1Container mongod = mongo.getSpec().getTemplate().getSpec().getContainers().get(0);

        assertThat(mongo.getSpec().getReplicas()).isEqualTo(3);
        assertThat(headless.getSpec().getClusterIP()).isEqualTo("None");
        assertThat(headless.getSpec().getPublishNotReadyAddresses()).isTrue();
        assertThat(mongod.getImage()).isEqualTo(compose.image("mongo"));
        assertThat(String.join(" ", mongod.getArgs())).contains("--replSet " + config.get("MONGODB_REPLICA_SET"))
                .contains("--keyFile");
        assertThat(compose.service("mongo").get("command").toString()).contains(config.get("MONGODB_REPLICA_SET"));

        List<String> members = new ArrayList<>();
        for (int i = 0; i < mongo.getSpec().getReplicas(); i++) {
            members.add(mongo.getMetadata().getName() + "-" + i + "." + headless.getMetadata().getName() + ":27017");
        }
        assertThat(config.get("MONGODB_HOSTS").split(",")).containsExactlyElementsOf(members);

        V1Job init = model(base, "Job", "mongodb-replica-set-init", V1Job.class);
        V1Container job = init.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(env(job).get("QUOTAFLOW_DATABASES").split(",")).containsExactlyInAnyOrderElementsOf(
                ProjectFiles.serviceModules().stream().filter(service -> !service.equals("gateway")).toList());
        V1ConfigMap script = model(base, "ConfigMap", "mongodb-replica-set-init", V1ConfigMap.class);
        assertThat(script.getData().get("init-replica-set.js")).contains("rs.initiate(").contains("createUser(");
        assertThat(model(base, "PodDisruptionBudget", "mongodb", V1PodDisruptionBudget.class).getSpec()
                .getMaxUnavailable().getIntValue()).isEqualTo(1);
    }

    @Test
    void shouldRunAtLeastTwoOfEveryServiceInProductionFromARegistryTag() {
        int partitions = Integer.parseInt(configMap().get("KAFKA_PARTITIONS"));
        for (String service : ProjectFiles.serviceModules()) {
            V1Deployment deployment = model(production, "Deployment", service, V1Deployment.class);
            V2HorizontalPodAutoscaler autoscaler =
                    model(production, "HorizontalPodAutoscaler", service, V2HorizontalPodAutoscaler.class);
            String image = container(deployment, service).getImage();

            assertThat(deployment.getSpec().getReplicas()).as(service).isGreaterThanOrEqualTo(2);
            assertThat(autoscaler.getSpec().getMinReplicas()).as(service).isGreaterThanOrEqualTo(2);
            assertThat(autoscaler.getSpec().getMaxReplicas()).as("%s: no more consumers than partitions", service)
                    .isBetween(autoscaler.getSpec().getMinReplicas(), partitions);
            assertThat(Images.repository(image)).as(service).endsWith("/quotaflow/" + service);
            assertThat(Images.tag(image)).as(service).isNotIn("local", "latest");
            assertThat(deployment.getMetadata().getNamespace()).isEqualTo("quotaflow");
        }
        for (Resource resource : resources(base, "HorizontalPodAutoscaler")) {
            assertThat(((Number) resource.spec().get("maxReplicas")).intValue()).as(resource.toString())
                    .isLessThanOrEqualTo(partitions);
        }
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    static Object validate(Resource resource) {
        try {
            if (KubernetesSchema.model(resource.apiVersion(), resource.kind()).isPresent()) {
                return KubernetesSchema.validate(resource.document());
            }
            if (StrimziSchema.model(resource.apiVersion(), resource.kind()).isPresent()) {
                return StrimziSchema.validate(resource.document());
            }
        } catch (AssertionError e) {
            throw new AssertionError(resource + ": " + e.getMessage(), e);
        }
        throw new AssertionError(resource + ": no schema to check " + resource.apiVersion() + " against");
    }

    private static List<Resource> resources(List<Resource> rendered, String kind) {
        return rendered.stream().filter(resource -> resource.kind().equals(kind)).toList();
    }

    private static Resource single(List<Resource> rendered, String kind) {
        List<Resource> found = resources(rendered, kind);
        assertThat(found).as(kind).hasSize(1);
        return found.get(0);
    }

    static <T> T model(List<Resource> rendered, String kind, String name, Class<T> type) {
        Resource resource = rendered.stream()
                .filter(candidate -> candidate.kind().equals(kind) && candidate.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in the manifests"));
        return type.cast(KubernetesSchema.validate(resource.document()));
    }

    private Kafka kafka() {
        return (Kafka) StrimziSchema.validate(single(base, "Kafka").document());
    }

    private GenericKafkaListener plainListener() {
        return kafka().getSpec().getKafka().getListeners().stream()
                .filter(listener -> !Boolean.TRUE.equals(listener.isTls()))
                .findFirst()
                .orElseThrow();
    }

    private Map<String, String> configMap() {
        return model(base, "ConfigMap", "quotaflow-config", V1ConfigMap.class).getData();
    }

    private static V1Container container(V1Deployment deployment, String name) {
        return deployment.getSpec().getTemplate().getSpec().getContainers().stream()
                .filter(container -> container.getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError(deployment.getMetadata().getName() + " has no container " + name));
    }

    private static Integer port(V1Container container, String name) {
        return container.getPorts().stream().filter(port -> name.equals(port.getName()))
                .map(V1ContainerPort::getContainerPort).findFirst()
                .orElseThrow(() -> new AssertionError(container.getName() + " has no port " + name));
    }

    /** The path of an HTTP probe, whose port must be one the container declares. */
    private static String probe(V1HTTPGetAction probe, V1Container container) {
        String port = probe.getPort().isInteger() ? probe.getPort().getIntValue().toString() : probe.getPort().getStrValue();
        assertThat(container.getPorts()).as(container.getName() + " probes a port it declares")
                .anyMatch(declared -> port.equals(declared.getName()) || port.equals(declared.getContainerPort().toString()));
        return probe.getPath();
    }

    /** A container's own variables: literal values, or {@code <from>} for those taken from elsewhere. */
    private static Map<String, String> env(V1Container container) {
        Map<String, String> env = new LinkedHashMap<>();
        for (V1EnvVar variable : Objects.requireNonNullElse(container.getEnv(), List.<V1EnvVar>of())) {
            env.put(variable.getName(), variable.getValue() != null ? variable.getValue() : "<from>");
        }
        return env;
    }

    /** Collects {@code secret/key} for every secretKeyRef, and {@code secret} for every other use of a Secret. */
    private static void referencedSecrets(Object node, String parentKey, Set<String> found) {
        if (node instanceof Map<?, ?> map) {
            if ("secretKeyRef".equals(parentKey)) {
                found.add(map.get("name") + "/" + map.get("key"));
            } else if (map.get("secretName") != null) {
                found.add(map.get("secretName").toString());
            }
            map.forEach((key, value) -> referencedSecrets(value, key.toString(), found));
        } else if (node instanceof List<?> list) {
            list.forEach(item -> referencedSecrets(item, parentKey, found));
        }
    }

    /** The variables named in the first column of the root README's "Configuration" table. */
    static List<String> readmeSettings() {
        String readme = ProjectFiles.read(ROOT.resolve("README.md"));
        int start = readme.indexOf("\n## Configuration");
        int end = readme.indexOf("\n## ", start + 1);
        assertThat(start).as("the README's Configuration section").isNotNegative();
        Pattern variable = Pattern.compile("`([A-Z][A-Z0-9_]+)`");
        List<String> settings = new ArrayList<>();
        for (String line : readme.substring(start, end).split("\n")) {
            if (line.startsWith("| `")) {
                Matcher names = variable.matcher(line.split("\\|")[1]);
                while (names.find()) {
                    settings.add(names.group(1));
                }
            }
        }
        return settings;
    }
}
