package io.quotaflow.gateway.apidocs;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.factory.rewrite.ModifyResponseBodyGatewayFilterFactory;
import org.springframework.http.MediaType;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code - GatewayApiDocs} on a route to a service's {@code /v3/api-docs}: the service's OpenAPI document as the
 * aggregated Swagger UI needs it. The gateway becomes the only server (so "Try it out" goes through it, with its
 * token checks, rate limits and breakers) and every operation asks for the bearer token, declared as the
 * {@code bearer} security scheme (HTTP, JWT). Anything else in the document is left as the service wrote it; a
 * body that is not an OpenAPI JSON object passes unchanged.
 */
public class GatewayApiDocsGatewayFilterFactory extends AbstractGatewayFilterFactory<Object> {

    static final String SCHEME = "bearer";

    private final ModifyResponseBodyGatewayFilterFactory modifyResponseBody;
    private final JsonMapper json;

    public GatewayApiDocsGatewayFilterFactory(ModifyResponseBodyGatewayFilterFactory modifyResponseBody,
                                              JsonMapper json) {
        this.modifyResponseBody = modifyResponseBody;
        this.json = json;
    }

    @Override
    public GatewayFilter apply(Object config) {
        return modifyResponseBody.apply(new ModifyResponseBodyGatewayFilterFactory.Config()
                .setNewContentType(MediaType.APPLICATION_JSON_VALUE)
                .setRewriteFunction(String.class, String.class,
                        (exchange, document) -> Mono.justOrEmpty(document).map(this::throughTheGateway)));
    }

    String throughTheGateway(String document) {
        JsonNode parsed;
        try {
            parsed = json.readTree(document);
        } catch (JacksonException notJson) {
            return document;
        }
        if (!(parsed instanceof ObjectNode openApi) || !openApi.has("openapi")) {
            return document;
        }
        openApi.putArray("servers").addObject().put("url", "/").put("description", "Quotaflow gateway");
        ObjectNode schemes = openApi.withObjectProperty("components").withObjectProperty("securitySchemes");
        schemes.putObject(SCHEME).put("type", "http").put("scheme", "bearer").put("bearerFormat", "JWT")
                .put("description", "A JWT: POST /auth/dev-token in the embedded demo, else from your issuer.");
        if (!openApi.has("security")) {
            openApi.putArray("security").addObject().putArray(SCHEME);
        }
        return json.writeValueAsString(openApi);
    }
}
