package io.quotaflow.gateway.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CachingReactiveJwtDecoderTest {

    private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");

    private final AtomicInteger validations = new AtomicInteger();
    private Instant now = NOW;
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    /** Refuses tokens starting "bad" and, like JwtTimestampValidator, any token past its expiry. */
    private ReactiveJwtDecoder validating(Instant expiresAt) {
        return token -> Mono.fromSupplier(() -> {
            validations.incrementAndGet();
            if (token.startsWith("bad") || (expiresAt != null && !now.isBefore(expiresAt))) {
                throw new BadJwtException("refused");
            }
            Jwt.Builder jwt = Jwt.withTokenValue(token).header("alg", "RS256").subject("u-1");
            return (expiresAt == null ? jwt : jwt.expiresAt(expiresAt)).build();
        });
    }

    @Test
    void aValidatedTokenIsAcceptedFromMemoryUntilTheTimeToLiveOrItsExpiry() {
        CachingReactiveJwtDecoder decoder = new CachingReactiveJwtDecoder(validating(NOW.plusSeconds(90)),
                Duration.ofSeconds(60), 100, clock);

        Jwt first = decoder.decode("token-a").block();
        now = NOW.plusSeconds(59);
        assertThat(decoder.decode("token-a").block()).isSameAs(first);
        assertThat(validations).hasValue(1);

        now = NOW.plusSeconds(61);
        decoder.decode("token-a").block();
        assertThat(validations).hasValue(2);

        now = NOW.plusSeconds(90);
        assertThatThrownBy(() -> decoder.decode("token-a").block()).isInstanceOf(BadJwtException.class);
        assertThat(validations).hasValue(3);
    }

    @Test
    void refusedTokensAndTokensWithoutExpiryAreValidatedEveryTime() {
        CachingReactiveJwtDecoder decoder = new CachingReactiveJwtDecoder(validating(NOW.plusSeconds(3600)),
                Duration.ofSeconds(60), 100, clock);
        decoder.decode("token-a").block();
        assertThatThrownBy(() -> decoder.decode("bad-token-a").block()).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode("bad-token-a").block()).isInstanceOf(BadJwtException.class);
        assertThat(validations).hasValue(3);

        CachingReactiveJwtDecoder withoutExpiry = new CachingReactiveJwtDecoder(validating(null),
                Duration.ofSeconds(60), 100, clock);
        withoutExpiry.decode("token-b").block();
        withoutExpiry.decode("token-b").block();
        assertThat(validations).hasValue(5);
    }
}
