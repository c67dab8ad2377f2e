package io.quotaflow.gateway.apidocs;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class GatewayApiDocsTest {

    private final JsonMapper json = JsonMapper.builder().build();
    private final GatewayApiDocsGatewayFilterFactory docs = new GatewayApiDocsGatewayFilterFactory(null, json);

    @Test
    void shouldMakeTheGatewayTheServerAndAskForTheBearerToken() {
        JsonNode document = json.readTree(docs.throughTheGateway("""
                {"openapi":"3.1.0","servers":[{"url":"http://10.0.0.7:8083"}],
                 "components":{"schemas":{"Kpi":{"type":"object"}}},"paths":{"/api/kpis/company":{}}}"""));

        assertThat(document.at("/servers").size()).isEqualTo(1);
        assertThat(document.at("/servers/0/url").asString()).isEqualTo("/");
        assertThat(document.at("/components/securitySchemes/bearer/scheme").asString()).isEqualTo("bearer");
        assertThat(document.at("/components/schemas/Kpi/type").asString()).isEqualTo("object");
        assertThat(document.at("/security/0/bearer").isArray()).isTrue();
        assertThat(document.at("/paths").has("/api/kpis/company")).isTrue();
    }

    @Test
    void shouldKeepTheServicesOwnSecurityRequirement() {
        JsonNode document = json.readTree(docs.throughTheGateway("""
                {"openapi":"3.1.0","security":[{"oauth":["read"]}],"paths":{}}"""));

        assertThat(document.at("/security/0/oauth/0").asString()).isEqualTo("read");
        assertThat(document.at("/components/securitySchemes/bearer/type").asString()).isEqualTo("http");
    }

    @Test
    void shouldPassAnythingButAnOpenApiDocumentUnchanged() {
        assertThat(docs.throughTheGateway("not json")).isEqualTo("not json");
        assertThat(docs.throughTheGateway("[1,2]")).isEqualTo("[1,2]");
        assertThat(docs.throughTheGateway("{\"status\":503}")).isEqualTo("{\"status\":503}");
    }
}
