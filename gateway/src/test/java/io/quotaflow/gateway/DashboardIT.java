package io.quotaflow.gateway;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.YearMonth;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard is served by the gateway itself, with ECharts from its WebJar and no build at run time. */
@StubbedGateway
class DashboardIT {

    @Autowired
    WebTestClient http;

    @Test
    void shouldServeTheDashboardAndEChartsWithoutAToken() {
        http.get().uri("/").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).value(page -> assertThat(page)
                        .contains("/webjars/echarts/5.3.1/dist/echarts.min.js", "/dashboard/app.js"));
        http.get().uri("/webjars/echarts/5.3.1/dist/echarts.min.js").exchange().expectStatus().isOk();
        http.get().uri("/dashboard/app.js").exchange().expectStatus().isOk();
    }

    @Test
    void shouldTellTheDashboardThePeriodAndTheDemoUsersOfTheEmbeddedRun() {
        http.get().uri("/dashboard/settings").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.period").isEqualTo(YearMonth.now(ZoneId.of("Asia/Shanghai")).toString())
                .jsonPath("$.timeZone").isEqualTo("Asia/Shanghai")
                .jsonPath("$.currency").isEqualTo("CNY")
                .jsonPath("$.refreshMillis").isEqualTo(1000)
                .jsonPath("$.devTokens").isEqualTo(true)
                .jsonPath("$.demoUsers[?(@.sub == 'alice')].teamIds[0]").isEqualTo("t-east")
                .jsonPath("$.demoUsers[?(@.sub == 'r-001')].repId").isEqualTo("r-001")
                .jsonPath("$.demoUsers[?(@.sub == 'ops')].roles[0]").isEqualTo("ADMIN");
    }
}
