package io.quotaflow.systemtests.observability;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.quotaflow.systemtests.ProjectFiles;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.springframework.cloud.stream.binder.kafka.KafkaBinderMetrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.quotaflow.systemtests.ProjectFiles.map;

/**
 * The Prometheus series Quotaflow's services expose, derived rather than listed: the meters the code registers (found
 * in every module's main sources, with the histograms that code or configuration enables) and the meters of the
 * libraries the services run (Spring's HTTP server observations, the Kafka consumer's client metrics and
 * Spring Cloud Stream's lag gauge, Resilience4j's circuit breakers), all registered in a real
 * {@link PrometheusMeterRegistry} and scraped, so the names are the ones Micrometer's Prometheus naming produces.
 */
public final class MetricCatalogue {

    private static final Pattern BUILDER = Pattern.compile(
            "\\b(Counter|FunctionCounter|Timer|FunctionTimer|Gauge|TimeGauge|DistributionSummary)\\.builder\\(\\s*"
                    + "(?:\"([^\"]+)\"|([A-Z][A-Z0-9_]*))");
    private static final Pattern SHORTHAND = Pattern.compile(
            "\\.(counter|timer|gauge|summary)\\(\\s*(?:\"([^\"]+)\"|([A-Z][A-Z0-9_]*))");
    private static final Pattern CONSTANT = Pattern.compile("String\\s+([A-Z][A-Z0-9_]*)\\s*=\\s*\"([^\"]+)\"");

    private MetricCatalogue() {
    }

    /** A meter the code registers: its Micrometer name, kind, and whether its registration asks for a histogram. */
    public record CodeMeter(String name, String kind, boolean histogram, Path source) {
    }

    /** Every series name a Quotaflow service may expose on /actuator/prometheus. */
    public static Set<String> series(Path root) {
        Set<String> histograms = configuredHistograms(root);
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        for (CodeMeter meter : codeMeters(root)) {
            register(registry, meter.kind(), meter.name(), meter.histogram() || histogramConfigured(meter.name(), histograms));
        }
        for (String name : httpServerObservations()) {
            register(registry, "timer", name, histogramConfigured(name, histograms));
        }
        Gauge.builder(KafkaBinderMetrics.OFFSET_LAG_METRIC_NAME, () -> 0).register(registry);
        bindCircuitBreakerMetrics(registry);
        return scrapedWithKafkaConsumerMetrics(registry);
    }

    /** The meters registered in the main sources of every module. */
    public static List<CodeMeter> codeMeters(Path root) {
        List<CodeMeter> meters = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root, 12)) {
            for (Path file : files.filter(MetricCatalogue::mainJavaSource).toList()) {
                String source = ProjectFiles.read(file);
                collect(BUILDER.matcher(source), source, file, meters);
                collect(SHORTHAND.matcher(source), source, file, meters);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return meters;
    }

    private static boolean mainJavaSource(Path file) {
        String path = file.toString().replace('\\', '/');
        return path.endsWith(".java") && path.contains("/src/main/java/") && !path.contains("/target/")
                && !path.contains("/node_modules/");
    }

    private static void collect(Matcher registration, String source, Path file, List<CodeMeter> meters) {
        while (registration.find()) {
            String name = registration.group(2) != null ? registration.group(2) : constant(source, registration.group(3));
            if (name == null) {
                continue;
            }
            int end = source.indexOf(';', registration.end());
            String statement = source.substring(registration.start(), end < 0 ? source.length() : end);
            meters.add(new CodeMeter(name, kind(registration.group(1)), statement.contains("publishPercentileHistogram"),
                    file));
        }
    }

    private static String constant(String source, String identifier) {
        Matcher constant = CONSTANT.matcher(source);
        while (constant.find()) {
            if (constant.group(1).equals(identifier)) {
                return constant.group(2);
            }
        }
        return null;
    }

    private static String kind(String call) {
        String lower = call.toLowerCase();
        if (lower.contains("counter")) {
            return "counter";
        }
        if (lower.contains("timer")) {
            return "timer";
        }
        if (lower.contains("gauge")) {
            return "gauge";
        }
        return "summary";
    }

    /** Meter-name prefixes with {@code management.metrics.distribution.percentiles-histogram} set in any YAML. */
    private static Set<String> configuredHistograms(Path root) {
        Set<String> prefixes = new HashSet<>();
        try (Stream<Path> files = Files.walk(root, 8)) {
            for (Path file : files.filter(MetricCatalogue::mainYaml).toList()) {
                for (Map<String, Object> document : ProjectFiles.yamlDocuments(file)) {
                    Object histograms = at(document, "management", "metrics", "distribution", "percentiles-histogram");
                    if (histograms instanceof Map<?, ?> configured) {
                        configured.forEach((prefix, enabled) -> {
                            if (Boolean.TRUE.equals(enabled)) {
                                prefixes.add(prefix.toString());
                            }
                        });
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return prefixes;
    }

    private static boolean mainYaml(Path file) {
        String path = file.toString().replace('\\', '/');
        return (path.endsWith(".yml") || path.endsWith(".yaml")) && path.contains("/src/main/resources/")
                && !path.contains("/target/");
    }

    private static Object at(Map<String, Object> document, String... keys) {
        Object node = document;
        for (String key : keys) {
            if (!(node instanceof Map<?, ?>)) {
                return null;
            }
            node = map(node).get(key);
        }
        return node;
    }

    private static boolean histogramConfigured(String meter, Set<String> prefixes) {
        return prefixes.stream().anyMatch(prefix -> meter.equals(prefix) || meter.startsWith(prefix + "."));
    }

    /** The names Spring gives HTTP server observations (servlet services, reactive gateway). */
    private static Set<String> httpServerObservations() {
        return new TreeSet<>(List.of(
                new org.springframework.http.server.observation.DefaultServerRequestObservationConvention().getName(),
                new org.springframework.http.server.reactive.observation.DefaultServerRequestObservationConvention()
                        .getName()));
    }

    private static void register(MeterRegistry registry, String kind, String name, boolean histogram) {
        switch (kind) {
            case "counter" -> Counter.builder(name).register(registry).increment();
            case "timer" -> Timer.builder(name).publishPercentileHistogram(histogram).register(registry)
                    .record(Duration.ofMillis(5));
            case "gauge" -> Gauge.builder(name, () -> 1).register(registry);
            default -> DistributionSummary.builder(name).publishPercentileHistogram(histogram).register(registry)
                    .record(1);
        }
    }

    private static void bindCircuitBreakerMetrics(MeterRegistry registry) {
        CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();
        breakers.circuitBreaker("target-service");
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(registry);
    }

    /**
     * Scrapes the registry with the client metrics of a Kafka consumer bound to it, as the services' binder binds
     * them; the consumer is never connected (its metrics exist from the start) and is closed, with them, after.
     */
    private static Set<String> scrapedWithKafkaConsumerMetrics(PrometheusMeterRegistry registry) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9",
                ConsumerConfig.GROUP_ID_CONFIG, "metric-catalogue",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config);
             KafkaClientMetrics metrics = new KafkaClientMetrics(consumer)) {
            metrics.bindTo(registry);
            return scrapedNames(registry.scrape());
        }
    }

    private static Set<String> scrapedNames(String scrape) {
        Set<String> names = new TreeSet<>();
        for (String line : scrape.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                int end = line.indexOf('{');
                names.add(line.substring(0, end >= 0 ? end : line.indexOf(' ')));
            }
        }
        return names;
    }
}
