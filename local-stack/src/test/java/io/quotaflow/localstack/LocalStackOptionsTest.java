package io.quotaflow.localstack;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalStackOptionsTest {

    @Test
    void shouldUseTheDocumentedPortsByDefault() {
        LocalStackOptions options = LocalStackOptions.parse(new String[0]);

        assertThat(options.kafkaPort()).isEqualTo(9092);
        assertThat(options.mongoPort()).isEqualTo(27017);
        assertThat(options.servicePorts()).containsEntry("gateway", 8080).containsEntry("target-service", 8081)
                .containsEntry("activity-service", 8082).containsEntry("kpi-service", 8083)
                .containsEntry("incentive-service", 8084);
        assertThat(options.gatewayManagementPort()).isEqualTo(8090);
        assertThat(options.dataDir()).isNull();
        assertThat(options.infraOnly()).isFalse();
    }

    @Test
    void shouldReadEveryOption() {
        LocalStackOptions options = LocalStackOptions.parse(new String[]{"--data-dir=.data", "--kafka-port=19092",
                "--gateway-port=18080", "--kpi-service-port=18083", "--gateway-management-port=18090", "--infra-only",
                "--startup-timeout=30"});

        assertThat(options.dataDir().isAbsolute()).isTrue();
        assertThat(options.dataDir().getFileName()).hasToString(".data");
        assertThat(options.kafkaPort()).isEqualTo(19092);
        assertThat(options.servicePorts()).containsEntry("gateway", 18080).containsEntry("kpi-service", 18083);
        assertThat(options.gatewayManagementPort()).isEqualTo(18090);
        assertThat(options.infraOnly()).isTrue();
        assertThat(options.startupTimeout()).hasSeconds(30);
    }

    @Test
    void shouldSeedTheStandardDemoUnlessToldNotTo() {
        LocalStackOptions defaults = LocalStackOptions.parse(new String[0]);
        LocalStackOptions tiny = LocalStackOptions.parse(new String[]{"--demo-speed=max", "--demo-reps=5",
                "--demo-history=1"});

        assertThat(defaults.demo()).isTrue();
        assertThat(defaults.demoSpeed()).isEqualTo(10);
        assertThat(defaults.demoReps()).isEqualTo(40);
        assertThat(defaults.demoHistoryMonths()).isEqualTo(3);
        assertThat(LocalStackOptions.parse(new String[]{"--no-demo"}).demo()).isFalse();
        assertThat(LocalStackOptions.parse(new String[]{"--demo-speed=2.5"}).demoSpeed()).isEqualTo(2.5);
        assertThat(tiny.demoSpeed()).isZero();
        assertThat(tiny.demoReps()).isEqualTo(5);
        assertThat(tiny.demoHistoryMonths()).isEqualTo(1);
    }

    @Test
    void shouldFeedARunningQuotaflowOnlyWhenGivenItsGatewaysAddress() {
        assertThat(LocalStackOptions.parse(new String[0]).feed()).isNull();
        assertThat(LocalStackOptions.parse(new String[]{"--feed=http://localhost:8080/"}).feed())
                .hasToString("http://localhost:8080");
        assertThat(LocalStackOptions.parse(new String[]{"--feed=https://quotaflow.example.com"}).feed())
                .hasToString("https://quotaflow.example.com");
        for (String bad : new String[]{"--feed=localhost:8080", "--feed=ftp://host", "--feed=http://host/api",
                "--feed=http://host?x=1", "--feed=http://", "--feed=not a url"}) {
            assertThatThrownBy(() -> LocalStackOptions.parse(new String[]{bad})).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--feed");
        }
    }

    @Test
    void shouldExplainBadDemoOptions() {
        assertThatThrownBy(() -> LocalStackOptions.parse(new String[]{"--demo-speed=fast"}))
                .hasMessage("--demo-speed must be simulated days per minute (above 0) or max, not 'fast'");
        assertThatThrownBy(() -> LocalStackOptions.parse(new String[]{"--demo-speed=0"}))
                .hasMessageContaining("--demo-speed");
        assertThatThrownBy(() -> LocalStackOptions.parse(new String[]{"--demo-history=4"}))
                .hasMessage("--demo-history must be a whole number from 0 to 3, not '4'");
        assertThatThrownBy(() -> LocalStackOptions.parse(new String[]{"--demo-reps=0"}))
                .hasMessage("--demo-reps must be a whole number from 1 to 500, not '0'");
    }

    @Test
    void shouldExplainBadOptions() {
        assertThatThrownBy(() -> LocalStackOptions.parse(new String[]{"--kafka-port=ninety"}))
                .hasMessage("--kafka-port must be a port number (1-65535), not 'ninety'");
        assertThatThrownBy(() -> LocalStackOptions.parse(new String[]{"--colour=blue"}))
                .hasMessageContaining("unknown option(s) [--colour]");
        assertThatThrownBy(() -> LocalStackOptions.parse(new String[]{"start"}))
                .hasMessageContaining("unexpected argument 'start'");
    }

    @Test
    void shouldNameBusyPortsInsteadOfFailingWithAStackTrace() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = busy.getLocalPort();
            LocalStack stack = new LocalStack(LocalStackOptions.parse(new String[]{
                    "--infra-only", "--mongo-port=" + port, "--kafka-port=" + Ports.free(),
                    "--kafka-controller-port=" + Ports.free()}));

            assertThatThrownBy(stack::start)
                    .isInstanceOf(LocalStack.StartupFailure.class)
                    .hasMessageContaining("port " + port + " for MongoDB (--mongo-port)")
                    .hasMessageContaining("is Quotaflow already running?");
        }
    }
}
