package io.quotaflow.reliability;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service must answer before the gateway gives up on it, or the client gets the gateway's time-out (503 without
 * {@code Retry-After}, and no word on whether anything was accepted) instead of the service's own answer. The
 * broker-outage fault of {@link FaultsIT} showed it for ingestion; this keeps the two settings in step.
 */
class TimeLimitsTest {

    private static final Path ROOT =
            Path.of(System.getProperty("quotaflow.project-dir", "..")).toAbsolutePath().normalize();

    @Test
    void shouldGiveUpOnKafkaBeforeTheGatewayGivesUpOnIngestion() throws IOException {
        Duration ackTimeout = setting("activity-service", "quotaflow.kafka.ack-timeout");
        Duration gatewayLimit = setting("gateway", "resilience4j.timelimiter.instances.activity-service.timeout-duration");

        assertThat(ackTimeout).isLessThan(gatewayLimit.minusSeconds(2));
    }

    private static Duration duration(String value) {
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("(\\d+)(ms|s|m)").matcher(value.trim());
        assertThat(matcher.matches()).as("a duration like 10s: " + value).isTrue();
        long amount = Long.parseLong(matcher.group(1));
        return matcher.group(2).equals("ms") ? Duration.ofMillis(amount)
                : matcher.group(2).equals("s") ? Duration.ofSeconds(amount) : Duration.ofMinutes(amount);
    }

    /** A duration from a service's application.yml, its {@code ${ENV:default}} placeholder read as the default. */
    @SuppressWarnings("unchecked")
    private static Duration setting(String service, String path) throws IOException {
        try (InputStream in = Files.newInputStream(ROOT.resolve(service).resolve("src/main/resources/application.yml"))) {
            Object node = new Yaml().load(in);
            for (String key : path.split("\\.")) {
                node = ((Map<String, Object>) node).get(key);
            }
            String value = String.valueOf(node);
            if (value.startsWith("${")) {
                value = value.substring(value.indexOf(':') + 1, value.length() - 1);
            }
            return duration(value);
        }
    }
}
