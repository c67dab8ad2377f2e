package io.quotaflow.gateway.apidocs;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.cloud.gateway.filter.factory.rewrite.ModifyResponseBodyGatewayFilterFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * The aggregated API documentation: Swagger UI at {@code /swagger-ui.html} lists each service's OpenAPI document,
 * routed from the service to {@code /v3/api-docs/<service>} (see {@code application.yml}), and the gateway's own.
 */
@Configuration
class ApiDocsConfiguration {

    @Bean
    GatewayApiDocsGatewayFilterFactory gatewayApiDocsGatewayFilterFactory(
            ModifyResponseBodyGatewayFilterFactory modifyResponseBody, JsonMapper json) {
        return new GatewayApiDocsGatewayFilterFactory(modifyResponseBody, json);
    }

    /** The gateway's own endpoints: dev tokens (embedded demo only), the JWK set, the dashboard's settings. */
    @Bean
    OpenAPI gatewayOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Quotaflow gateway")
                        .description("The single entry point. Each service's API is listed beside this one."))
                .components(new Components().addSecuritySchemes(GatewayApiDocsGatewayFilterFactory.SCHEME,
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")));
    }
}
