package io.quotaflow.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/**
 * @param publicPaths  extra paths a service serves without a token (e.g. signed CRM webhooks, whose
 *                     signature is the credential)
 * @param whoamiPath   where the service answers with the identity it sees in the token
 * @param tokenCache   how long a validated token is remembered, so that the caller's next calls with it skip the
 *                     signature check (never past the token's expiry; {@code 0} remembers none)
 */
@ConfigurationProperties("quotaflow.security")
public record SecurityProperties(List<String> publicPaths, String whoamiPath, Duration tokenCache) {

    public SecurityProperties {
        publicPaths = publicPaths == null ? List.of() : List.copyOf(publicPaths);
        whoamiPath = whoamiPath == null ? "/api/whoami" : whoamiPath;
        tokenCache = tokenCache == null ? Duration.ofSeconds(60) : tokenCache;
        if (tokenCache.isNegative()) {
            throw new IllegalArgumentException("quotaflow.security.token-cache must not be negative");
        }
    }
}
