package io.quotaflow.gateway;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dashboard in headless Chromium, in front of stub services that answer as API.md says: a manager and a rep
 * sign in, see the charts drawn with the numbers the KPI API returns, switch to Chinese, and see a number change
 * without a reload once an activity is ingested. Swagger UI lists every service's endpoints. Screenshots land in
 * {@code target/screenshots}.
 */
@StubbedGateway
@EnabledIf(value = "io.quotaflow.gateway.Chromium#isInstalled",
        disabledReason = "needs Debian chromium and chromium-driver: apt-get install -y chromium chromium-driver")
class DashboardBrowserIT {

    static final StubServices services = StubServices.shared();
    static final Duration LIVE = Duration.ofSeconds(15);

    @LocalServerPort
    int port;

    @Autowired
    WebTestClient http;

    static ChromeDriver browser;

    DashboardApis apis;

    @BeforeAll
    static void openABrowser() {
        browser = Chromium.start();
    }

    @AfterAll
    static void closeIt() {
        browser.quit();
    }

    @BeforeEach
    void answerAsTheApisWould() {
        apis = new DashboardApis();
        apis.install(services);
    }

    @AfterEach
    void signOut(TestInfo test) {
        // What the page showed last, for whoever reads a failure; then a fresh start, in English.
        Chromium.screenshot(browser, "last-" + test.getTestMethod().map(Method::getName).orElse("test"));
        browser.get(base() + "/dashboard/dashboard.css");
        browser.executeScript("sessionStorage.clear(); localStorage.clear();");
        services.answerAsUsual();
    }

    @Test
    void shouldShowAManagerTheTeamsKpisInChartsInBothLanguagesAndFollowAnIngestedDealLive() {
        signInAs("alice");

        await().atMost(LIVE).untilAsserted(() -> assertThat(digits("kpi-revenue-actual")).isEqualTo("812000"));
        assertThat(gaugeValue()).isEqualTo(DashboardApis.TEAM_REVENUE.doubleValue());
        assertThat(text("kpi-attainment")).isEqualTo("81.2%");
        assertThat(seriesData("chart-funnel", 0)).containsExactlyElementsOf(
                DashboardApis.FUNNEL.stream().map(Integer::doubleValue).toList());
        List<Double> cumulativeTarget = seriesData("chart-daily", 0);
        assertThat(cumulativeTarget.get(cumulativeTarget.size() - 1)).isEqualTo(DashboardApis.TEAM_TARGET.doubleValue());
        assertThat(seriesData("chart-daily", 1)).contains(DashboardApis.TEAM_REVENUE.doubleValue());
        assertThat(text("leaderboard")).contains("Li Wei", "Chen Jing");
        assertThat(text("alerts")).contains(DashboardApis.ALERT, "expectedToDate");
        assertThat(text("high-intent")).contains("Suzhou Lotus Retail");
        assertThat(text("target-table")).contains("Renewals first");
        assertThat(seriesData("chart-review", 1)).startsWith(1_000_000.0).endsWith(812_000.0);
        assertThat(seriesData("chart-review", 2)).contains(12_000.0);
        assertThat(seriesData("chart-review", 3)).contains(90_000.0, 60_000.0, 50_000.0);
        Chromium.screenshot(browser, "manager-en");

        browser.findElement(By.id("lang-zh")).click();
        await().atMost(LIVE).untilAsserted(() ->
                assertThat(text("panel-cards")).startsWith("团队达成率"));
        assertThat(text("panel-funnel")).contains("各线索渠道漏斗");
        assertThat(digits("kpi-revenue-actual")).isEqualTo("812000");
        Chromium.screenshot(browser, "manager-zh");

        markThePage();
        ingestDeal("50000.00");

        await().atMost(LIVE).untilAsserted(() -> assertThat(digits("kpi-revenue-actual")).isEqualTo("862000"));
        assertThat(gaugeValue()).isEqualTo(862_000.0);
        assertThat(thePageWasNotReloaded()).isTrue();
        Chromium.screenshot(browser, "manager-zh-after-a-deal");
    }

    @Test
    void shouldShowARepTheirProgressFollowUpsAndStatementAndFollowAnIngestedDealLive() {
        signInAs("r-001");

        await().atMost(LIVE).untilAsserted(() -> assertThat(digits("kpi-revenue-actual")).isEqualTo("126000"));
        assertThat(gaugeValue()).isEqualTo(DashboardApis.REP_REVENUE.doubleValue());
        assertThat((String) browser.executeScript(
                "return document.querySelector('#follow-ups-table tbody tr').innerText;"))
                .contains("Suzhou Lotus Retail", "88");
        assertThat(text("statement")).contains("commission", DashboardApis.STATEMENT_SOURCE, "base-bonus");
        assertThat(digits("statement-total")).isEqualTo("6280");
        Chromium.screenshot(browser, "rep-en");

        browser.findElement(By.id("lang-zh")).click();
        await().atMost(LIVE).untilAsserted(() ->
                assertThat(text("panel-statement")).startsWith("激励对账单"));
        markThePage();
        ingestDeal("20000.00");

        await().atMost(LIVE).untilAsserted(() -> assertThat(digits("kpi-revenue-actual")).isEqualTo("146000"));
        assertThat(thePageWasNotReloaded()).isTrue();
        Chromium.screenshot(browser, "rep-zh-after-a-deal");
    }

    @Test
    void shouldLetSalesOpsPreviewCreateAndApproveAPlanSaveAnIncentivePlanAndCloseThePeriod() {
        signInAs("ops");

        await().atMost(LIVE).untilAsserted(() -> assertThat(digits("kpi-revenue-actual")).isEqualTo("2222000"));
        browser.findElement(By.cssSelector("#plan-form input[name=total]")).clear();
        browser.findElement(By.cssSelector("#plan-form input[name=total]")).sendKeys("3300000.00");
        browser.findElement(By.id("plan-preview")).click();
        await().atMost(LIVE).untilAsserted(() -> assertThat(text("plan-result")).contains("East", "West", "1,320,000"));
        assertThat(apis.drafts()).isEmpty();

        browser.findElement(By.id("plan-create")).click();
        await().atMost(LIVE).untilAsserted(() -> assertThat(text("plans")).contains("p-new-1", "DRAFT"));
        browser.findElement(By.cssSelector("[data-approve='p-new-1']")).click();
        await().atMost(LIVE).untilAsserted(() -> assertThat(apis.drafts()).containsEntry("p-new-1", "APPROVED"));
        await().atMost(LIVE).untilAsserted(() -> assertThat(text("plans-result")).contains("p-new-1"));

        browser.findElement(By.cssSelector("#incentive-form button[type=submit]")).click();
        await().atMost(LIVE).untilAsserted(() -> assertThat(apis.incentivePlans()).isNotEmpty());
        browser.findElement(By.cssSelector("#close-form button[type=submit]")).click();
        await().atMost(LIVE).untilAsserted(() -> assertThat(apis.closedPeriods()).hasSize(1));
        assertThat(text("close-result")).contains(apis.closedPeriods().get(0));
        Chromium.screenshot(browser, "sales-ops-en");
    }

    @Test
    void shouldListEveryServicesEndpointsInSwaggerUi() {
        StubApis.documentEveryService(services);
        browser.get(base() + "/swagger-ui.html");

        await().atMost(LIVE).untilAsserted(() ->
                assertThat(browser.findElements(By.cssSelector(".opblock-summary-path"))).isNotEmpty());
        assertThat(browser.findElements(By.cssSelector("button.authorize"))).isNotEmpty();
        Select definitions = new Select(browser.findElement(By.cssSelector(".topbar select")));
        assertThat(definitions.getOptions()).extracting(WebElement::getText).containsExactlyInAnyOrder(
                "target-service", "activity-service", "kpi-service", "incentive-service", "gateway");

        StubApis.DOCUMENTED.forEach((service, path) -> {
            new Select(browser.findElement(By.cssSelector(".topbar select"))).selectByVisibleText(service);
            await().atMost(LIVE).untilAsserted(() -> assertThat(browser.findElements(By.cssSelector(".opblock-summary-path")))
                    .extracting(WebElement::getText).contains(path));
        });
        Chromium.screenshot(browser, "swagger-ui");
    }

    private void signInAs(String demoUser) {
        browser.get(base() + "/");
        await().atMost(LIVE).untilAsserted(() ->
                assertThat(browser.findElements(By.id("demo-" + demoUser))).isNotEmpty());
        browser.findElement(By.id("demo-" + demoUser)).click();
    }

    /** A deal closed by r-001, ingested through the gateway as a CRM integration would. */
    private void ingestDeal(String amount) {
        String integration = new DevTokens(http).integration("crm-sync");
        http.post().uri("/api/activities").header(HttpHeaders.AUTHORIZATION, "Bearer " + integration)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("source", "hubspot", "externalId", UUID.randomUUID().toString(), "type", "DEAL_CLOSED",
                        "repId", DashboardApis.REP, "occurredAt", "2026-12-01T03:00:00Z", "amount", amount,
                        "currency", "CNY"))
                .exchange()
                .expectStatus().isAccepted();
    }

    private void markThePage() {
        browser.executeScript("window.quotaflowTestMark = 'still here';");
    }

    private boolean thePageWasNotReloaded() {
        return "still here".equals(browser.executeScript("return window.quotaflowTestMark;"));
    }

    private double gaugeValue() {
        return ((Number) browser.executeScript("return echarts.getInstanceByDom(document.getElementById("
                + "'chart-gauge-REVENUE')).getOption().series[0].data[0].value;")).doubleValue();
    }

    @SuppressWarnings("unchecked")
    private List<Double> seriesData(String chart, int series) {
        List<Object> data = (List<Object>) browser.executeScript("return echarts.getInstanceByDom(document.getElementById("
                + "arguments[0])).getOption().series[arguments[1]].data.map(d => d === null ? null : "
                + "(typeof d === 'object' ? d.value : d));", chart, series);
        return data.stream().map(value -> value == null ? null : ((Number) value).doubleValue()).toList();
    }

    /** The element's text, read in one step (live refreshes replace elements); empty while it is not there. */
    private String text(String id) {
        return (String) browser.executeScript(
                "const element = document.getElementById(arguments[0]); return element ? element.innerText : '';", id);
    }

    /** The digits of a number as shown, whatever the locale's currency sign and grouping. */
    private String digits(String id) {
        String shown = text(id);
        int decimals = shown.indexOf('.');
        return (decimals < 0 ? shown : shown.substring(0, decimals)).replaceAll("[^0-9]", "");
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }
}
