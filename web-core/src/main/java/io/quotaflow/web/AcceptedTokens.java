package io.quotaflow.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * The bearer tokens a decoder has validated, remembered so that a caller's next calls with the same token skip the
 * signature check and claim validation (the gateway's and the services' decoders both use it). A remembered token
 * is given back only while it has not expired, and for at most {@code ttl} after it was validated; tokens without an
 * expiry are never remembered. The key is the whole token string, so a token altered in any byte is validated afresh.
 *
 * @param <T> the decoded token (Spring Security's {@code Jwt})
 */
public final class AcceptedTokens<T> {

    private final Cache<String, T> accepted;
    private final Function<T, Instant> expiry;
    private final Clock clock;

    public AcceptedTokens(Duration ttl, long maximumSize, Function<T, Instant> expiry, Clock clock) {
        this.accepted = Caffeine.newBuilder().maximumSize(maximumSize).expireAfterWrite(ttl)
                .ticker(() -> clock.millis() * 1_000_000L).build();
        this.expiry = expiry;
        this.clock = clock;
    }

    /** The decoded token, if it was validated within the time to live and has not expired since. */
    public Optional<T> recall(String token) {
        T remembered = accepted.getIfPresent(token);
        if (remembered == null) {
            return Optional.empty();
        }
        Instant expiresAt = expiry.apply(remembered);
        return expiresAt != null && clock.instant().isBefore(expiresAt) ? Optional.of(remembered) : Optional.empty();
    }

    /** Remembers a token its decoder has just validated (unless it has no expiry). */
    public T remember(String token, T decoded) {
        if (expiry.apply(decoded) != null) {
            accepted.put(token, decoded);
        }
        return decoded;
    }
}
