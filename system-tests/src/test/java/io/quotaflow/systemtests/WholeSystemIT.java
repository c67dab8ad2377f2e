package io.quotaflow.systemtests;

import io.quotaflow.localstack.Ports;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The foundation end to end: the launcher brings up Kafka, MongoDB, four services and the gateway; every
 * external call goes through the gateway with a JWT that the services validate again; stopping the
 * launcher leaves no process and no port behind.
 *
 * <p>The system is the one the module's integration tests share ({@link SharedSystem}); the last test stops it,
 * so this class orders its tests and runs after the other integration test classes that share it (and before
 * {@link DemoSeedIT}, which starts a system of its own: never two at once).
 */
@Order(3)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WholeSystemIT {

    private static final Map<String, String> WHOAMI = Map.of(
            "target-service", "/api/targets/whoami",
            "activity-service", "/api/activities/whoami",
            "kpi-service", "/api/kpis/whoami",
            "incentive-service", "/api/incentives/whoami");

    private static final HttpClient http = HttpClient.newHttpClient();
    private static final JsonMapper json = JsonMapper.builder().build();
    private static RunningSystem system;

    @BeforeAll
    static void startTheSystem() {
        system = SharedSystem.get();
    }

    @Test
    @Order(1)
    void shouldBringUpEveryServiceWithHealthUp() throws Exception {
        for (String service : List.of("gateway", "target-service", "activity-service", "kpi-service",
                "incentive-service")) {
            HttpResponse<String> health = get(system.url(service) + "/actuator/health", null);
            assertThat(health.statusCode()).as(service).isEqualTo(200);
            JsonNode body = json.readTree(health.body());
            assertThat(body.path("status").asString()).as(service).isEqualTo("UP");
            if (!service.equals("gateway")) {
                assertThat(body.at("/components/mongo/status").asString()).as(service).isEqualTo("UP");
                assertThat(body.at("/components/kafka/status").asString()).as(service).isEqualTo("UP");
            }
        }
        assertThat(system.output()).contains("Quotaflow is up");
    }

    @Test
    @Order(2)
    void shouldRefuseCallsWithoutATokenAtTheGateway() throws Exception {
        for (String path : WHOAMI.values()) {
            HttpResponse<String> response = get(system.url("gateway") + path, null);
            assertThat(response.statusCode()).as(path).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
        }
    }

    @Test
    @Order(3)
    void shouldCarryTheSameIdentityThroughTheGatewayToEveryService() throws Exception {
        String token = devToken("{\"sub\":\"alice\",\"roles\":[\"MANAGER\"],\"teamIds\":[\"t-east\"]}");

        for (Map.Entry<String, String> entry : WHOAMI.entrySet()) {
            HttpResponse<String> response = get(system.url("gateway") + entry.getValue(), token);
            assertThat(response.statusCode()).as(entry.getKey()).isEqualTo(200);
            JsonNode identity = json.readTree(response.body());
            assertThat(identity.path("service").asString()).isEqualTo(entry.getKey());
            assertThat(identity.path("subject").asString()).isEqualTo("alice");
            assertThat(identity.path("roles").get(0).asString()).isEqualTo("MANAGER");
            assertThat(identity.path("teamIds").get(0).asString()).isEqualTo("t-east");
        }
    }

    @Test
    @Order(4)
    void shouldRejectATamperedTokenAtTheGatewayAndAtTheService() throws Exception {
        String token = devToken("{\"sub\":\"r-001\",\"roles\":[\"REP\"],\"repId\":\"r-001\"}");
        String tampered = promoteToAdmin(token);

        assertThat(get(system.url("gateway") + "/api/kpis/whoami", tampered).statusCode()).isEqualTo(401);
        for (Map.Entry<String, String> entry : WHOAMI.entrySet()) {
            assertThat(get(system.url(entry.getKey()) + entry.getValue(), tampered).statusCode())
                    .as(entry.getKey()).isEqualTo(401);
            assertThat(get(system.url(entry.getKey()) + entry.getValue(), token).statusCode())
                    .as(entry.getKey()).isEqualTo(200);
        }
    }

    @Test
    @Order(5)
    void shouldKeepTheGatewaysMetricsOnItsManagementPortOnly() throws Exception {
        HttpResponse<String> publicPort = get(system.url("gateway") + "/actuator/prometheus", null);
        HttpResponse<String> managementPort = get(system.url("gateway-management") + "/actuator/prometheus", null);

        assertThat(publicPort.statusCode()).isIn(401, 404);
        assertThat(publicPort.body()).doesNotContain("jvm_memory_used_bytes");
        assertThat(managementPort.statusCode()).isEqualTo(200);
        assertThat(managementPort.body()).contains("application=\"gateway\"");
        assertThat(system.output()).contains(system.url("gateway-management") + "/actuator/prometheus");
    }

    @Test
    @Order(6)
    void shouldLeaveNoProcessAndNoPortBehindWhenStopped() throws Exception {
        List<ProcessHandle> processes = system.processes();
        assertThat(processes).hasSize(6);

        assertThat(system.stop(Duration.ofSeconds(90))).as("launcher exited").isTrue();

        for (ProcessHandle process : processes) {
            process.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(process.isAlive()).as("pid " + process.pid()).isFalse();
        }
        assertThat(system.ports().values()).allSatisfy(port -> assertThat(Ports.isFree(port)).isTrue());
        assertThat(system.output()).contains("Stopped.");
    }

    private static String devToken(String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(system.url("gateway") + "/auth/dev-token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return json.readTree(response.body()).path("token").asString();
    }

    private static HttpResponse<String> get(String url, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String promoteToAdmin(String token) {
        String[] parts = token.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"REP\"", "\"ADMIN\"");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }
}
