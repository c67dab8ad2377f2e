package io.quotaflow.activity.crm.hubspot;

import io.quotaflow.activity.crm.CrmRejectedException;
import io.quotaflow.activity.crm.Signatures;
import org.springframework.web.util.UriUtils;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * HubSpot's v3 request signature: {@code X-HubSpot-Signature-v3} is the Base64 HMAC-SHA256, under the app's client
 * secret, of method + URI + body + {@code X-HubSpot-Request-Timestamp} (milliseconds), refused when the timestamp is
 * more than the tolerance from now. The URI is the one HubSpot called (the public URL in front of the gateway), with
 * its URL-encoded characters decoded, as HubSpot's validation guide does.
 */
final class HubSpotSignature {

    static final String SIGNATURE = "X-HubSpot-Signature-v3";
    static final String TIMESTAMP = "X-HubSpot-Request-Timestamp";

    private HubSpotSignature() {
    }

    static String sign(String secret, String method, String uri, byte[] body, String timestamp) {
        byte[] hmac = Signatures.hmacSha256(secret, (method + decoded(uri)).getBytes(StandardCharsets.UTF_8), body,
                timestamp.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(hmac);
    }

    private static String decoded(String uri) {
        try {
            return UriUtils.decode(uri, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notEncoded) {
            return uri;
        }
    }

    /** @throws CrmRejectedException (401) unless the request is signed by the secret, within the tolerance */
    static void verify(String secret, String method, String uri, byte[] body, String timestamp, String signature,
                       Instant now, Duration tolerance) {
        if (secret == null || secret.isBlank()) {
            throw CrmRejectedException.unauthenticated("HubSpot has no client secret configured");
        }
        if (signature == null || timestamp == null) {
            throw CrmRejectedException.unauthenticated(SIGNATURE + " and " + TIMESTAMP + " are required");
        }
        long millis;
        try {
            millis = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            throw CrmRejectedException.unauthenticated(TIMESTAMP + " must be milliseconds since the epoch");
        }
        if (Duration.between(Instant.ofEpochMilli(millis), now).abs().compareTo(tolerance) > 0) {
            throw CrmRejectedException.unauthenticated(TIMESTAMP + " is more than " + tolerance.toMinutes()
                    + " minutes from now");
        }
        if (!Signatures.same(sign(secret, method, uri, body, timestamp.trim()), signature.trim())) {
            throw CrmRejectedException.unauthenticated(SIGNATURE + " does not match the request");
        }
    }
}
