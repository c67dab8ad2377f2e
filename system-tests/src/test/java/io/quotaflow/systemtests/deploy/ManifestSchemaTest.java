package io.quotaflow.systemtests.deploy;

import io.quotaflow.systemtests.deploy.Kustomization.Resource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static io.quotaflow.systemtests.ProjectFiles.list;
import static io.quotaflow.systemtests.ProjectFiles.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The schema checks of {@link KubernetesManifestsTest} refuse what a cluster would refuse: each case takes a real
 * manifest, which passes, breaks one thing in it, and expects the check to fail naming that thing.
 */
class ManifestSchemaTest {

    @Test
    void shouldRefuseAMisspeltFieldOfADeployment() {
        assertRefused("Deployment", "target-service", deployment -> {
            Map<String, Object> spec = map(deployment.get("spec"));
            spec.put("replica", spec.remove("replicas"));
        }, "replica");
    }

    @Test
    void shouldRefuseAMisspeltFieldDeepInsideAPodTemplate() {
        assertRefused("Deployment", "kpi-service",
                deployment -> container(deployment).put("readinesProbe", container(deployment).remove("readinessProbe")),
                "readinesProbe");
    }

    @Test
    void shouldRefuseAWordWhereAnIntegerBelongs() {
        assertRefused("Deployment", "gateway", deployment -> port(deployment).put("containerPort", "x"), "containerPort");
    }

    @Test
    void shouldRefuseAQuotedNumberWhereAnIntegerBelongs() {
        assertRefused("Service", "gateway",
                service -> map(list(map(service.get("spec")).get("ports")).get(0)).put("port", "8080"), "port");
    }

    @Test
    void shouldRefuseANumberWhereAStringBelongs() {
        assertRefused("ConfigMap", "quotaflow-config",
                config -> map(config.get("data")).put("KAFKA_REPLICATION_FACTOR", 3), "KAFKA_REPLICATION_FACTOR");
    }

    @Test
    void shouldRefuseAContainerWithoutItsRequiredName() {
        assertRefused("StatefulSet", "mongodb", statefulSet -> container(statefulSet).remove("name"), "name");
    }

    @Test
    void shouldRefuseAQuantityThatIsNoQuantity() {
        assertRefused("Deployment", "activity-service",
                deployment -> map(map(container(deployment).get("resources")).get("limits")).put("memory", "a lot"),
                "a lot");
    }

    @Test
    void shouldRefuseAKindItHasNoSchemaFor() {
        assertRefused("Deployment", "incentive-service", deployment -> deployment.put("kind", "Deploymnet"),
                "Deploymnet");
    }

    @Test
    void shouldRefuseAMisspeltFieldOfAKafkaTopic() {
        assertRefused("KafkaTopic", "sales-org", topic -> {
            Map<String, Object> spec = map(topic.get("spec"));
            spec.put("partition", spec.remove("partitions"));
        }, "partition");
    }

    @Test
    void shouldRefuseAWordWhereStrimziExpectsAnInteger() {
        assertRefused("KafkaNodePool", "dual-role", pool -> map(pool.get("spec")).put("replicas", "three"), "replicas");
    }

    @Test
    void shouldRefuseAMisspeltFieldOfAKafkaListener() {
        assertRefused("Kafka", "quotaflow", kafka -> {
            Map<String, Object> listener = map(list(map(map(kafka.get("spec")).get("kafka")).get("listeners")).get(0));
            listener.put("tsl", listener.remove("tls"));
        }, "tsl");
    }

    @Test
    void shouldRefuseANodeRoleStrimziDoesNotKnow() {
        assertRefused("KafkaNodePool", "dual-role",
                pool -> map(pool.get("spec")).put("roles", List.of("controller", "brokers")), "brokers");
    }

    @Test
    void shouldRefuseAnOlderStrimziApiVersion() {
        assertRefused("Kafka", "quotaflow", kafka -> kafka.put("apiVersion", "kafka.strimzi.io/v1beta2"), "v1beta2");
    }

    /** The manifest passes as it is, and fails, naming {@code expected}, once {@code breakIt} changed it. */
    private static void assertRefused(String kind, String name, Consumer<Map<String, Object>> breakIt, String expected) {
        Resource intact = find(kind, name);
        assertThatCode(() -> KubernetesManifestsTest.validate(intact)).doesNotThrowAnyException();

        Resource broken = find(kind, name);
        breakIt.accept(broken.document());
        assertThatThrownBy(() -> KubernetesManifestsTest.validate(broken))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(expected);
    }

    /** A freshly rendered copy of a base object, so that each case breaks its own. */
    private static Resource find(String kind, String name) {
        List<Resource> rendered = Kustomization.of(KubernetesManifestsTest.BASE).render();
        Resource resource = rendered.stream()
                .filter(candidate -> candidate.kind().equals(kind) && candidate.name().equals(name))
                .findFirst()
                .orElseThrow();
        assertThat(resource.document()).isNotEmpty();
        return resource;
    }

    private static Map<String, Object> container(Map<String, Object> workload) {
        Map<String, Object> pod = map(map(map(workload.get("spec")).get("template")).get("spec"));
        return map(list(pod.get("containers")).get(0));
    }

    private static Map<String, Object> port(Map<String, Object> workload) {
        return map(list(container(workload).get("ports")).get(0));
    }
}
