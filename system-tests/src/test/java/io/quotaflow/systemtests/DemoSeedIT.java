package io.quotaflow.systemtests;

import io.quotaflow.localstack.demo.DemoActivity;
import io.quotaflow.localstack.demo.DemoData;
import io.quotaflow.localstack.demo.DemoGenerator;
import io.quotaflow.localstack.demo.DemoScenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The README's run command with a tiny, fast demo (5 reps, one history month, no pause): the launcher seeds the org,
 * targets and incentive plan, imports the history by CSV and streams the month through the API, the signed webhook,
 * Salesforce and HubSpot (whose API the launcher serves); the KPI API then shows exactly what the generator sent, and
 * the logins it prints work.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoSeedIT {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DemoScenario SCENARIO = DemoScenario.standard().withReps(5).withHistoryMonths(1);
    /** With five reps, one per team: the HubSpot team's. */
    private static final String HUBSPOT_REP = "r-002";
    private static final HttpClient http = HttpClient.newHttpClient();
    private static final JsonMapper json = JsonMapper.builder().build();
    private static Path dataDir;
    private static RunningSystem system;

    @BeforeAll
    static void startTheSystemWithATinyDemo() throws IOException {
        dataDir = Files.createTempDirectory("quotaflow-demo-it");
        system = RunningSystem.start(Duration.ofSeconds(300), "--data-dir=" + dataDir, "--demo-reps=5",
                "--demo-history=1", "--demo-speed=max");
        system.awaitLine("Demo: caught up", Duration.ofSeconds(240));
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    @Order(1)
    void shouldPrintTheDashboardAndDemoLoginsThatWork() throws Exception {
        String gateway = system.url("gateway");
        assertThat(system.output()).contains("Dashboard: " + gateway + "/").contains("alice", "r-001", "ops");
        assertThat(get(gateway + "/", null).statusCode()).isEqualTo(200);

        JsonNode users = json.readTree(get(gateway + "/dashboard/settings", null).body()).path("demoUsers");
        assertThat(users).extracting(user -> user.path("sub").asString()).contains("alice", "r-001", "ops");
        for (JsonNode user : users) {
            String token = signIn(user);
            String sub = user.path("sub").asString();
            String path = sub.equals("alice") ? "/api/kpis/teams/t-east" : sub.equals("r-001")
                    ? "/api/kpis/reps/r-001" : "/api/kpis/company";
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(scorecard(path, token).path("metrics").path("REVENUE").path("target").asString())
                            .as(sub + " sees the approved revenue target").isNotEmpty());
        }
    }

    @Test
    @Order(2)
    void shouldShowTheRevenueCallsAndLeadsTheGeneratorSent() throws Exception {
        assertFiguresAreWhatTheGeneratorSent(List.of(dataDir));
    }

    /**
     * What a compose user does ({@code run.sh --feed=<gateway>}): the launcher starts nothing and feeds the demo into
     * the running system — here the same demo again, from a data directory of its own, so every event it sends was
     * sent before: the figures stay what the generator sent, counted once. The HubSpot team's activity, which came as
     * HubSpot webhooks, now goes through the batch API with HubSpot's source and ids: the same events, duplicates.
     */
    @Test
    @Order(5)
    void shouldFeedTheDemoIntoARunningSystemAndCountNothingTwice() throws Exception {
        Path feedDir = Files.createTempDirectory("quotaflow-demo-feed-it");
        List<String> output = new CopyOnWriteArrayList<>();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", RunningSystem.executableJar("local-stack").toString(),
                "--feed=" + system.url("gateway"), "--data-dir=" + feedDir, "--demo-reps=5", "--demo-history=1",
                "--demo-speed=max").redirectErrorStream(true);
        builder.environment().putAll(RunningSystem.SERVICE_ENVIRONMENT);
        Process feeder = builder.start();
        Thread reader = new Thread(() -> new BufferedReader(new InputStreamReader(
                feeder.getInputStream(), StandardCharsets.UTF_8)).lines().forEach(output::add));
        reader.start();
        try {
            await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofSeconds(1)).until(() ->
                    output.stream().anyMatch(line -> line.contains("Demo: caught up")) || !feeder.isAlive());
            assertThat(String.join("\n", output)).as("the feeder's output")
                    .contains("Feeding the demo month into the Quotaflow at " + system.url("gateway"))
                    .contains("Dashboard: " + system.url("gateway") + "/")
                    .contains("HubSpot activity goes through the batch API")
                    .contains("Demo: caught up")
                    .doesNotContain("Demo stopped");
            assertFiguresAreWhatTheGeneratorSent(List.of(dataDir, feedDir));
        } finally {
            feeder.destroyForcibly();
        }
    }

    /** The KPI API shows what the generator sent up to the furthest any of the feeders ({@code dataDirs}) got. */
    private static void assertFiguresAreWhatTheGeneratorSent(List<Path> dataDirs) throws Exception {
        String token = adminToken();
        YearMonth month = YearMonth.parse(progress(dataDir).getProperty("month"));
        DemoData demo = new DemoGenerator(SCENARIO, ZONE).generate(month);

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            int streamed = 0;
            for (Path dir : dataDirs) {
                streamed = Math.max(streamed, Integer.parseInt(progress(dir).getProperty("streamed", "0")));
            }
            List<DemoActivity> sent = demo.sentAfter(streamed);
            for (YearMonth period : List.of(month.minusMonths(1), month)) {
                for (String repId : List.of("r-001", HUBSPOT_REP)) {
                    JsonNode rep = scorecard("/api/kpis/reps/" + repId + "?period=" + period, token);
                    assertThat(new BigDecimal(rep.path("metrics").path("REVENUE").path("actual").asString()))
                            .as(repId + " revenue in " + period)
                            .isEqualByComparingTo(DemoData.revenue(sent, repId, period, ZONE));
                    assertThat(rep.path("metrics").path("CALLS").path("actual").asLong()).as(repId + " calls in " + period)
                            .isEqualTo(DemoData.count(sent, repId, period, ZONE, a -> "CALL".equals(a.field("channel"))));
                    assertThat(rep.path("metrics").path("LEADS").path("actual").asLong()).as(repId + " leads in " + period)
                            .isEqualTo(DemoData.count(sent, repId, period, ZONE, a -> a.type().equals("LEAD_CREATED")));
                }
                JsonNode company = scorecard("/api/kpis/company?period=" + period, token);
                assertThat(new BigDecimal(company.path("metrics").path("REVENUE").path("actual").asString()))
                        .as("company revenue in " + period)
                        .isEqualByComparingTo(DemoData.revenue(sent, null, period, ZONE));
            }
        });
        JsonNode company = scorecard("/api/kpis/company?period=" + month, token);
        assertThat(new BigDecimal(company.path("metrics").path("REVENUE").path("target").asString()))
                .isEqualByComparingTo(demo.revenueTarget());
    }

    @Test
    @Order(3)
    void shouldSaveTheIncentivePlanWithEveryKindOfAward() throws Exception {
        HttpResponse<String> plan = get(system.url("gateway") + "/api/incentives/plans/demo-sales-incentives",
                adminToken());

        assertThat(plan.statusCode()).isEqualTo(200);
        assertThat(json.readTree(plan.body()).path("rules")).extracting(rule -> rule.path("type").asString())
                .containsExactlyInAnyOrder("THRESHOLD", "TIERED_COMMISSION", "PER_UNIT", "RANK", "TEAM_BONUS");
    }

    /**
     * The HubSpot team's activity of the month reached activity-service as signed HubSpot webhooks whose objects it
     * read back from the launcher: each one accepted once ({@code quotaflow.activity.ingested{via=hubspot}}), none
     * refused — its calls and leads are the HubSpot rep's figures checked above.
     */
    @Test
    @Order(4)
    void shouldHaveTheHubSpotTeamsActivityAcceptedThroughTheSignedHubSpotWebhook() throws Exception {
        YearMonth month = YearMonth.parse(progress(dataDir).getProperty("month"));
        DemoData demo = new DemoGenerator(SCENARIO, ZONE).generate(month);
        assertThat(demo.reps()).filteredOn(rep -> rep.id().equals(HUBSPOT_REP))
                .singleElement().extracting(rep -> rep.teamId()).isEqualTo(DemoScenario.HUBSPOT_TEAM);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            int streamed = Integer.parseInt(progress(dataDir).getProperty("streamed", "0"));
            long viaHubSpot = demo.current().subList(0, Math.min(streamed, demo.current().size())).stream()
                    .filter(a -> a.route() == DemoActivity.Route.HUBSPOT).count();
            String metrics = get(system.url("activity-service") + "/actuator/prometheus", null).body();
            assertThat(ingested(metrics, "via=\"hubspot\"", "outcome=\"accepted\"")).as("accepted via HubSpot")
                    .isEqualTo(viaHubSpot);
            assertThat(ingested(metrics, "via=\"hubspot\"", "outcome=\"rejected\"")).as("refused via HubSpot").isZero();
        });
    }

    /** The sum of {@code quotaflow_activity_ingested_total} series carrying every one of {@code tags}. */
    private static long ingested(String prometheus, String... tags) {
        return Math.round(prometheus.lines().filter(line -> line.startsWith("quotaflow_activity_ingested_total{"))
                .filter(line -> java.util.Arrays.stream(tags).allMatch(line::contains))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum());
    }

    private static Properties progress(Path dir) {
        Properties progress = new Properties();
        try (Reader reader = Files.newBufferedReader(dir.resolve("demo-progress.properties"))) {
            progress.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return progress;
    }

    private static JsonNode scorecard(String path, String token) throws Exception {
        HttpResponse<String> response = get(system.url("gateway") + path, token);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private static String adminToken() {
        return signIn(json.createObjectNode().put("sub", "demo-seed-it").set("roles",
                json.createArrayNode().add("ADMIN")));
    }

    /** As the dashboard's login page does: the demo user's identity to {@code POST /auth/dev-token}. */
    private static String signIn(JsonNode user) {
        try {
            var body = json.createObjectNode().put("sub", user.path("sub").asString()).set("roles", user.path("roles"));
            if (!user.path("repId").isMissingNode() && !user.path("repId").isNull()) {
                body.put("repId", user.path("repId").asString());
            }
            if (user.path("teamIds").size() > 0) {
                body.set("teamIds", user.path("teamIds"));
            }
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create(system.url("gateway") + "/auth/dev-token"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return json.readTree(response.body()).path("token").asString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> get(String url, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
