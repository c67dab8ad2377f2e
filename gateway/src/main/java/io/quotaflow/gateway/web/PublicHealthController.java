package io.quotaflow.gateway.web;

import org.springframework.boot.actuate.endpoint.ApiVersion;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.ReactiveHealthEndpointWebExtension;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The gateway's actuator answers only on the management port ({@code management.server.port}); on the public port,
 * health alone: {@code /actuator/health} and its {@code liveness} and {@code readiness} groups, as the actuator
 * would answer them to an anonymous caller (status and components, no details), for load balancers and the local
 * stack. Boot's additional health paths cannot serve these addresses (they allow one path segment only).
 */
@RestController
class PublicHealthController {

    private final ReactiveHealthEndpointWebExtension health;

    PublicHealthController(ReactiveHealthEndpointWebExtension health) {
        this.health = health;
    }

    @GetMapping({"/actuator/health", "/actuator/health/{group:liveness|readiness}"})
    Mono<ResponseEntity<HealthDescriptor>> health(@PathVariable(required = false) String group) {
        String[] path = group == null ? new String[0] : new String[]{group};
        return health.health(ApiVersion.LATEST, WebServerNamespace.SERVER, SecurityContext.NONE, path)
                .map(response -> ResponseEntity.status(response.getStatus()).body(response.getBody()));
    }
}
