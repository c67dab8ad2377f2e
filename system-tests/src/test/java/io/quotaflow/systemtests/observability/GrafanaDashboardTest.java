package io.quotaflow.systemtests.observability;

import io.quotaflow.events.Topic;
import io.quotaflow.events.Topics;
import io.quotaflow.systemtests.ComposeFile;
import io.quotaflow.systemtests.ProjectFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.quotaflow.systemtests.ProjectFiles.ROOT;
import static io.quotaflow.systemtests.ProjectFiles.list;
import static io.quotaflow.systemtests.ProjectFiles.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Grafana dashboard docker-compose.yml provisions: it parses, Grafana finds it and its datasource, it shows what
 * an operator needs, and every query reads a series that a Quotaflow service really exposes ({@link MetricCatalogue}).
 */
class GrafanaDashboardTest {

    private static final Path GRAFANA = ROOT.resolve("ops/grafana");
    private static final Path DASHBOARD = GRAFANA.resolve("dashboards/quotaflow.json");

    private static Set<String> exposed;

    private final JsonNode dashboard = JsonMapper.builder().build().readTree(ProjectFiles.read(DASHBOARD));
    private final ComposeFile compose = new ComposeFile();

    @BeforeAll
    static void catalogue() {
        exposed = MetricCatalogue.series(ROOT);
    }

    @Test
    void shouldProvisionTheDashboardAndItsDatasourceWhereComposeMountsThem() {
        Map<String, Object> datasource = map(list(ProjectFiles.yaml(
                GRAFANA.resolve("provisioning/datasources/prometheus.yml")).get("datasources")).get(0));
        Map<String, Object> provider = map(list(ProjectFiles.yaml(
                GRAFANA.resolve("provisioning/dashboards/quotaflow.yml")).get("providers")).get(0));
        String dashboards = map(provider.get("options")).get("path").toString();
        List<String> volumes = list(compose.service("grafana").get("volumes")).stream().map(Object::toString).toList();

        assertThat(datasource.get("url")).isEqualTo("http://prometheus:9090");
        assertThat(volumes).contains("./ops/grafana/provisioning:/etc/grafana/provisioning:ro",
                "./ops/grafana/dashboards:" + dashboards + ":ro");
        assertThat(compose.setting("grafana", "GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH"))
                .isEqualTo(dashboards + "/" + DASHBOARD.getFileName());
        assertThat(dashboard.get("uid").asString()).isEqualTo("quotaflow");
        assertThat(dashboard.get("title").asString()).isEqualTo("Quotaflow");
        for (JsonNode panel : panels()) {
            assertThat(panel.get("datasource").get("uid").asString()).as(title(panel)).isEqualTo(datasource.get("uid"));
            assertThat(panel.get("targets")).as(title(panel)).isNotEmpty();
            assertThat(panel.get("gridPos").get("w").asInt()).as(title(panel)).isBetween(1, 24);
        }
        Set<Integer> ids = new HashSet<>();
        dashboard.get("panels").forEach(panel -> assertThat(ids.add(panel.get("id").asInt())).isTrue());
    }

    @Test
    void shouldShowIngestRateConsumerLagProcessingLatencyAwardsAndBreakers() {
        assertPanel("Ingest rate", "quotaflow_events_published_total", Topics.SALES_ACTIVITIES.name());
        assertPanel("Consumer lag", "spring_cloud_stream_binder_kafka_offset", null);
        assertPanel("Fetch lag", "kafka_consumer_fetch_manager_records_lag_max", null);
        assertPanel("Processing latency", "quotaflow_ledger_chunk_seconds_count", null);
        assertPanel("Awards", "quotaflow_events_published_total", Topics.INCENTIVES.name());
        assertPanel("Circuit breakers", "resilience4j_circuitbreaker_state", null);
    }

    @Test
    void shouldQueryOnlySeriesTheServicesExpose() {
        assertThat(exposed).contains("quotaflow_ledger_records_total", "quotaflow_ledger_chunk_seconds_max",
                "quotaflow_events_publish_seconds_bucket", "http_server_requests_seconds_bucket");
        for (JsonNode panel : panels()) {
            for (String expression : expressions(panel)) {
                Set<String> names = PromQl.metricNames(expression);
                assertThat(names).as("%s: %s", title(panel), expression).isNotEmpty();
                assertThat(exposed).as("%s: %s reads series no service exposes", title(panel), expression)
                        .containsAll(names);
            }
        }
    }

    @Test
    void shouldMatchOnlyTopicsAndEventTypesThatExist() {
        Set<String> eventTypes = new HashSet<>();
        for (Topic<?> topic : Topics.all()) {
            topic.eventTypes().forEach(type -> eventTypes.add(type.getSimpleName()));
        }
        for (JsonNode panel : panels()) {
            for (String expression : expressions(panel)) {
                Map<String, Set<String>> labels = PromQl.matchedLabelValues(expression);
                labels.getOrDefault("topic", Set.of()).forEach(topic ->
                        assertThat(Topics.byName(topic)).as("%s: topic %s", title(panel), topic).isPresent());
                assertThat(eventTypes).as(title(panel)).containsAll(labels.getOrDefault("type", Set.of()));
                labels.getOrDefault("application", Set.of()).forEach(application ->
                        assertThat(ProjectFiles.serviceModules()).as(title(panel)).contains(application));
            }
        }
    }

    @Test
    void shouldNotTakeAMisspeltOrMadeUpSeriesForAnExposedOne() {
        assertThat(PromQl.metricNames("histogram_quantile(0.95, sum by (le, application) "
                + "(rate(quotaflow_events_publish_seconds_bucket{outcome=\"acknowledged\"}[$__rate_interval])))"))
                .containsExactly("quotaflow_events_publish_seconds_bucket");
        assertThat(PromQl.metricNames("sum(a_total) / on (job) b_seconds_count offset 5m"))
                .containsExactly("a_total", "b_seconds_count");
        assertThat(exposed).doesNotContain("quotaflow_ledger_record_total", "quotaflow_ledger_records",
                "quotaflow_ledger_chunk_seconds_bucket", "resilience4j_circuitbreaker_states",
                "kafka_consumer_records_lag", "quotaflow_awards_total");
    }

    private void assertPanel(String titlePrefix, String series, String topic) {
        JsonNode panel = panels().stream().filter(candidate -> title(candidate).startsWith(titlePrefix)).findFirst()
                .orElseThrow(() -> new AssertionError("the dashboard has no panel \"" + titlePrefix + "...\""));
        List<String> expressions = expressions(panel);
        assertThat(expressions).as(titlePrefix).anySatisfy(expression -> {
            assertThat(PromQl.metricNames(expression)).contains(series);
            if (topic != null) {
                assertThat(PromQl.matchedLabelValues(expression).get("topic")).containsExactly(topic);
            }
        });
    }

    private List<JsonNode> panels() {
        List<JsonNode> panels = new ArrayList<>();
        for (JsonNode panel : dashboard.get("panels")) {
            if (panel.get("type").asString().equals("row")) {
                panel.get("panels").forEach(panels::add);
            } else {
                panels.add(panel);
            }
        }
        assertThat(panels).hasSizeGreaterThanOrEqualTo(6);
        return panels;
    }

    private static List<String> expressions(JsonNode panel) {
        List<String> expressions = new ArrayList<>();
        panel.get("targets").forEach(target -> expressions.add(target.get("expr").asString()));
        return expressions;
    }

    private static String title(JsonNode panel) {
        return panel.get("title").asString();
    }
}
