package io.quotaflow.platform.security;

import io.quotaflow.testsupport.MovableClock;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CachingJwtDecoderTest {

    private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");

    private final MovableClock clock = new MovableClock(NOW);
    private final AtomicInteger validations = new AtomicInteger();

    private JwtDecoder validating(Instant expiresAt) {
        return token -> {
            validations.incrementAndGet();
            if (token.startsWith("bad")) {
                throw new BadJwtException("signature does not match");
            }
            Jwt.Builder jwt = Jwt.withTokenValue(token).header("alg", "RS256").subject("u-1").issuedAt(NOW);
            if (expiresAt != null) {
                jwt.expiresAt(expiresAt);
            }
            return jwt.build();
        };
    }

    /** The decoder under test: tokens remembered for 60 s. */
    private CachingJwtDecoder remembering(JwtDecoder delegate) {
        return new CachingJwtDecoder(delegate, Duration.ofSeconds(60), 100, clock);
    }

    @Test
    void aTokenValidatedOnceIsNotValidatedAgainWhileRemembered() {
        CachingJwtDecoder decoder = remembering(validating(NOW.plusSeconds(3600)));

        Jwt first = decoder.decode("token-a");
        clock.set(NOW.plusSeconds(59));
        Jwt second = decoder.decode("token-a");

        assertThat(second).isSameAs(first);
        assertThat(validations).hasValue(1);
    }

    @Test
    void aRememberedTokenIsValidatedAfreshAfterTheTimeToLive() {
        CachingJwtDecoder decoder = remembering(validating(NOW.plusSeconds(3600)));

        decoder.decode("token-a");
        clock.set(NOW.plusSeconds(61));
        decoder.decode("token-a");

        assertThat(validations).hasValue(2);
    }

    @Test
    void anExpiredTokenIsNeverAcceptedFromMemory() {
        Instant expiresAt = NOW.plusSeconds(30);
        JwtDecoder strict = token -> {
            validations.incrementAndGet();
            if (!clock.instant().isBefore(expiresAt)) {
                throw new BadJwtException("Jwt expired at " + expiresAt);
            }
            return Jwt.withTokenValue(token).header("alg", "RS256").subject("u-1").expiresAt(expiresAt).build();
        };
        CachingJwtDecoder decoder = remembering(strict);

        decoder.decode("token-a");
        clock.set(expiresAt);

        assertThatThrownBy(() -> decoder.decode("token-a")).isInstanceOf(BadJwtException.class)
                .hasMessageContaining("expired");
        assertThat(validations).hasValue(2);
    }

    @Test
    void refusedTokensAndTokensWithoutExpiryAreNotRemembered() {
        CachingJwtDecoder withoutExpiry = remembering(validating(null));
        withoutExpiry.decode("token-a");
        withoutExpiry.decode("token-a");
        assertThat(validations).hasValue(2);

        CachingJwtDecoder decoder = remembering(validating(NOW.plusSeconds(3600)));
        assertThatThrownBy(() -> decoder.decode("bad-token")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode("bad-token")).isInstanceOf(BadJwtException.class);
        assertThat(validations).hasValue(4);
    }

    @Test
    void aTokenDifferingInOneCharacterIsValidatedOnItsOwn() {
        CachingJwtDecoder decoder = remembering(validating(NOW.plusSeconds(3600)));

        decoder.decode("token-a");
        assertThatThrownBy(() -> decoder.decode("bad-token-a")).isInstanceOf(BadJwtException.class);

        assertThat(validations).hasValue(2);
    }
}
