package io.quotaflow.gateway.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;

import java.time.Duration;

/**
 * How the gateway validates and (in the embedded demo only) mints tokens.
 *
 * @param issuer             the {@code iss} every accepted token must carry (and that minted tokens get)
 * @param audience           the {@code aud} every accepted token must name (and that minted tokens get);
 *                           {@code quotaflow} unless set
 * @param signingKeyLocation a PEM (PKCS#8) RSA private key (e.g. {@code file:/run/secrets/key.pem}); when set,
 *                           the gateway validates tokens with its public half and publishes that at
 *                           {@code /.well-known/jwks.json}
 * @param generateSigningKey create the key file at {@code signingKeyLocation} on first start if it is missing
 * @param jwkSetUri          otherwise, the JWK set of the external OIDC issuer that signs tokens
 * @param devTokens          dev-only token minting at {@code POST /auth/dev-token}
 * @param cache              how long a validated token is remembered, so that the caller's next calls with it skip
 *                           the signature check (never past the token's expiry; {@code 0} remembers none)
 */
@ConfigurationProperties("quotaflow.gateway.tokens")
public record TokenProperties(String issuer, String audience, String signingKeyLocation, boolean generateSigningKey, String jwkSetUri,
                              DevTokens devTokens, Duration cache) {

    public TokenProperties {
        issuer = StringUtils.hasText(issuer) ? issuer : "http://127.0.0.1:8080";
        audience = StringUtils.hasText(audience) ? audience : "quotaflow";
        signingKeyLocation = StringUtils.hasText(signingKeyLocation) ? signingKeyLocation : null;
        jwkSetUri = StringUtils.hasText(jwkSetUri) ? jwkSetUri : null;
        devTokens = devTokens == null ? new DevTokens(false, Duration.ofHours(8)) : devTokens;
        cache = cache == null ? Duration.ofSeconds(60) : cache;
        if (cache.isNegative()) {
            throw new IllegalArgumentException("quotaflow.gateway.tokens.cache must not be negative");
        }
    }

    public boolean hasOwnKey() {
        return signingKeyLocation != null;
    }

    /** @param enabled off by default; on only in the embedded demo */
    public record DevTokens(boolean enabled, Duration lifetime) {
        public DevTokens {
            lifetime = lifetime == null ? Duration.ofHours(8) : lifetime;
        }
    }
}
