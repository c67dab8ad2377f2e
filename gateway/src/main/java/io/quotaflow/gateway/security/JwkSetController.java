package io.quotaflow.gateway.security;

import org.springframework.context.annotation.Conditional;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.util.Map;

/** Publishes the gateway's public signing key so every service can validate tokens itself. */
@RestController
@Conditional(GatewaySecurityConfiguration.OwnKey.Present.class)
class JwkSetController {

    private final SigningKey key;

    JwkSetController(SigningKey key) {
        this.key = key;
    }

    @GetMapping("/.well-known/jwks.json")
    ResponseEntity<Map<String, Object>> jwkSet() {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofMinutes(5))).body(key.publicJwkSet());
    }
}
