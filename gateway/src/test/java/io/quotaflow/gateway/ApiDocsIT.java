package io.quotaflow.gateway;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every service's OpenAPI document in one Swagger UI at the gateway, with the bearer scheme. */
@StubbedGateway
class ApiDocsIT {

    static final StubServices services = StubServices.shared();

    @Autowired
    WebTestClient http;

    @BeforeEach
    void servicesDocumentTheirApis() {
        services.clear();
        StubApis.documentEveryService(services);
    }

    @AfterEach
    void answerAsUsual() {
        services.answerAsUsual();
    }

    @Test
    void shouldListEveryServicesDocumentInSwaggerUi() {
        http.get().uri("/v3/api-docs/swagger-config").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.urls[*].name").value(List.class, names -> assertThat((List<Object>) names).containsExactlyInAnyOrder(
                        "target-service", "activity-service", "kpi-service", "incentive-service", "gateway"))
                .jsonPath("$.urls[?(@.name == 'kpi-service')].url").isEqualTo("/v3/api-docs/kpi-service");

        http.get().uri("/swagger-ui.html").exchange()
                .expectStatus().is3xxRedirection()
                .expectHeader().value(HttpHeaders.LOCATION, location -> assertThat(location).contains("/swagger-ui/index.html"));
        http.get().uri("/swagger-ui/index.html").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(page -> assertThat(page).contains("swagger-ui"));
    }

    @Test
    void shouldServeEachServicesOperationsWithTheBearerSchemeAndTheGatewayAsServer() {
        StubApis.DOCUMENTED.forEach((service, path) -> http.get().uri("/v3/api-docs/" + service).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.info.title").isEqualTo(service)
                .jsonPath("$.paths['" + path + "'].get.operationId").exists()
                .jsonPath("$.servers[0].url").isEqualTo("/")
                .jsonPath("$.components.securitySchemes.bearer.type").isEqualTo("http")
                .jsonPath("$.components.securitySchemes.bearer.scheme").isEqualTo("bearer")
                .jsonPath("$.components.securitySchemes.bearer.bearerFormat").isEqualTo("JWT")
                .jsonPath("$.security[0].bearer").isArray());

        assertThat(services.received()).hasSize(4).allSatisfy(request -> {
            assertThat(request.path()).isEqualTo("/v3/api-docs");
            assertThat(request.authorization()).isNull();
        });
    }

    @Test
    void shouldDocumentTheGatewaysOwnEndpoints() {
        http.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.paths['/auth/dev-token'].post").exists()
                .jsonPath("$.paths['/.well-known/jwks.json'].get").exists()
                .jsonPath("$.paths['/fallback/{service}']").doesNotExist()
                .jsonPath("$.components.securitySchemes.bearer.scheme").isEqualTo("bearer");
    }

    @Test
    void shouldAnswer503NamingAServiceWhoseDocumentCannotBeFetched() {
        services.stop("incentive-service");
        try {
            http.get().uri("/v3/api-docs/incentive-service").exchange()
                    .expectStatus().isEqualTo(503)
                    .expectBody().jsonPath("$.service").isEqualTo("incentive-service");
        } finally {
            services.restart("incentive-service");
        }
    }
}
