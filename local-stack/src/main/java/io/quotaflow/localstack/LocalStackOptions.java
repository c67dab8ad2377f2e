package io.quotaflow.localstack;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Command-line options of the local stack ({@code --name=value}); see {@link #USAGE}. */
record LocalStackOptions(
        Path projectDir,
        Path dataDir,
        Path logDir,
        int kafkaPort,
        int kafkaControllerPort,
        int mongoPort,
        Map<String, Integer> servicePorts,
        int gatewayManagementPort,
        boolean infraOnly,
        String jvmOptions,
        Duration startupTimeout,
        boolean demo,
        double demoSpeed,
        int demoReps,
        int demoHistoryMonths,
        URI feed,
        boolean help) {

    static final String USAGE = """
            Usage: run.sh [options]    (or java -jar local-stack/target/local-stack-*-exec.jar [options])

            Starts a real Kafka broker (KRaft), the embedded MongoDB wire-protocol server and every Quotaflow
            service on this machine. Ctrl-C stops everything.

              --data-dir=DIR           keep Kafka, MongoDB and the dev signing key in DIR across restarts
                                       (default: nothing is kept)
              --log-dir=DIR            where each service writes its log (default: .quotaflow/logs)
              --kafka-port=9092        Kafka client port      --kafka-controller-port=9093
              --mongo-port=27017       MongoDB port
              --gateway-port=8080      --target-service-port=8081   --activity-service-port=8082
              --kpi-service-port=8083  --incentive-service-port=8084
              --gateway-management-port=8090   the gateway's actuator (Prometheus, metrics, routes);
                                       its public port serves health only
              --infra-only             start Kafka and MongoDB only (run the services from your IDE)
              --jvm-options="..."      JVM options of each service (default: small heap, fast start-up)
              --startup-timeout=240    seconds to wait for every service to report UP
              --project-dir=DIR        the Quotaflow checkout holding the built jars (default: found
                                       from this jar's location or the working directory)

            Once everything is UP, a demo month is seeded through the gateway (sales org, approved targets,
            an incentive plan, three months of history by CSV import, this month's activity streamed through
            the API, the signed webhook, Salesforce outbound messages and HubSpot webhooks, whose CRM API
            this launcher serves to activity-service):
              --no-demo                seed nothing (an empty system)
              --demo-speed=10          simulated days per minute while catching up with today; max: as fast
                                       as the services take it. Later activity arrives as its time comes
              --demo-reps=40           reps in the demo org      --demo-history=3   months backfilled (0-3)
            With --data-dir, a restart continues the demo where it stopped (demo-progress.properties).

              --feed=URL               start nothing: feed the demo into the Quotaflow already running behind
                                       the gateway at URL (e.g. docker compose's http://localhost:8080). Its
                                       gateway must mint dev tokens (QUOTAFLOW_DEV_TOKENS_ENABLED=true), and the
                                       CRM messages are signed with QUOTAFLOW_WEBHOOK_SECRETS (the first) and sent
                                       for SALESFORCE_ORGANIZATION_ID from this environment: give activity-service
                                       the same two. HubSpot's API is not served there: the HubSpot team's
                                       activity goes through the batch API with HubSpot's ids (the same
                                       events). The --demo-* options and --data-dir apply.
            """;

    static final List<String> SERVICES =
            List.of("target-service", "activity-service", "kpi-service", "incentive-service", "gateway");

    static LocalStackOptions parse(String[] args) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'");
            }
            int eq = arg.indexOf('=');
            values.put(eq < 0 ? arg.substring(2) : arg.substring(2, eq), eq < 0 ? "true" : arg.substring(eq + 1));
        }
        Map<String, Integer> servicePorts = new LinkedHashMap<>();
        int defaultPort = 8081;
        for (String service : SERVICES) {
            int fallback = service.equals("gateway") ? 8080 : defaultPort++;
            servicePorts.put(service, port(values.remove(service + "-port"), fallback, service + "-port"));
        }
        LocalStackOptions options = new LocalStackOptions(
                path(values.remove("project-dir")),
                path(values.remove("data-dir")),
                path(orDefault(values.remove("log-dir"), ".quotaflow/logs")),
                port(values.remove("kafka-port"), 9092, "kafka-port"),
                port(values.remove("kafka-controller-port"), 9093, "kafka-controller-port"),
                port(values.remove("mongo-port"), 27017, "mongo-port"),
                servicePorts,
                port(values.remove("gateway-management-port"), 8090, "gateway-management-port"),
                Boolean.parseBoolean(values.remove("infra-only")),
                orDefault(values.remove("jvm-options"), ServiceProcess.FAST_START_JVM_OPTIONS),
                Duration.ofSeconds(seconds(values.remove("startup-timeout"))),
                !Boolean.parseBoolean(values.remove("no-demo")),
                speed(values.remove("demo-speed")),
                count(values.remove("demo-reps"), 40, 1, 500, "demo-reps"),
                count(values.remove("demo-history"), 3, 0, 3, "demo-history"),
                url(values.remove("feed")),
                Boolean.parseBoolean(values.remove("help")));
        if (!values.isEmpty()) {
            throw new IllegalArgumentException("unknown option(s) " + values.keySet().stream().map(k -> "--" + k).toList());
        }
        return options;
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    private static long seconds(String value) {
        try {
            return value == null ? 240 : Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--startup-timeout must be a number of seconds, not '" + value + "'");
        }
    }

    /** Simulated days per minute; 0 for {@code max}. */
    private static double speed(String value) {
        if (value == null) {
            return 10;
        }
        if (value.equalsIgnoreCase("max")) {
            return 0;
        }
        try {
            double speed = Double.parseDouble(value);
            if (speed > 0 && speed <= 100_000) {
                return speed;
            }
        } catch (NumberFormatException ignored) {
            // explained below
        }
        throw new IllegalArgumentException("--demo-speed must be simulated days per minute (above 0) or max, not '"
                + value + "'");
    }

    private static int count(String value, int fallback, int min, int max, String name) {
        if (value == null) {
            return fallback;
        }
        try {
            int count = Integer.parseInt(value);
            if (count >= min && count <= max) {
                return count;
            }
        } catch (NumberFormatException ignored) {
            // explained below
        }
        throw new IllegalArgumentException("--" + name + " must be a whole number from " + min + " to " + max
                + ", not '" + value + "'");
    }

    /** The gateway to feed: an absolute http(s) URL without a path of its own. */
    private static URI url(String value) {
        if (value == null) {
            return null;
        }
        try {
            URI url = new URI(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
            if (("http".equals(url.getScheme()) || "https".equals(url.getScheme())) && url.getHost() != null
                    && (url.getRawPath() == null || url.getRawPath().isEmpty()) && url.getRawQuery() == null) {
                return url;
            }
        } catch (URISyntaxException ignored) {
            // explained below
        }
        throw new IllegalArgumentException("--feed must be the gateway's http(s) address, e.g. http://localhost:8080, "
                + "not '" + value + "'");
    }

    private static Path path(String value) {
        return value == null || value.isBlank() ? null : Path.of(value).toAbsolutePath().normalize();
    }

    private static int port(String value, int fallback, String name) {
        if (value == null) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value);
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a port number (1-65535), not '" + value + "'");
        }
    }
}
