package io.quotaflow.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * @param publicPaths  extra paths a service serves without a token (e.g. signed CRM webhooks, whose
 *                     signature is the credential)
 * @param whoamiPath   where the service answers with the identity it sees in the token
 */
@ConfigurationProperties("quotaflow.security")
public record SecurityProperties(List<String> publicPaths, String whoamiPath) {

    public SecurityProperties {
        publicPaths = publicPaths == null ? List.of() : List.copyOf(publicPaths);
        whoamiPath = whoamiPath == null ? "/api/whoami" : whoamiPath;
    }
}
