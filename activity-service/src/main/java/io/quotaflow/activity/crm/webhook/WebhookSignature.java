package io.quotaflow.activity.crm.webhook;

import io.quotaflow.activity.crm.CrmRejectedException;
import io.quotaflow.activity.crm.Signatures;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The generic webhook's signature: {@code X-Quotaflow-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">}
 * (several {@code v1} while a sender signs with an old and a new key), valid within a tolerance of now, under any of
 * the active secrets.
 */
final class WebhookSignature {

    static final String HEADER = "X-Quotaflow-Signature";

    private WebhookSignature() {
    }

    /** @throws CrmRejectedException (401) unless the header holds a fresh signature of the body by an active secret */
    static void verify(String header, byte[] body, List<String> secrets, Instant now, Duration tolerance) {
        if (secrets.isEmpty()) {
            throw CrmRejectedException.unauthenticated("the generic webhook has no signing secret configured");
        }
        if (header == null || header.isBlank()) {
            throw CrmRejectedException.unauthenticated(HEADER + " is required");
        }
        String timestamp = null;
        List<String> signatures = new ArrayList<>();
        for (String part : header.split(",")) {
            String[] pair = part.trim().split("=", 2);
            if (pair.length == 2 && pair[0].equals("t")) {
                timestamp = pair[1];
            } else if (pair.length == 2 && pair[0].equals("v1")) {
                signatures.add(pair[1].toLowerCase(java.util.Locale.ROOT));
            }
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp == null ? "" : timestamp);
        } catch (NumberFormatException e) {
            throw CrmRejectedException.unauthenticated(HEADER + " must hold t=<unix seconds>");
        }
        if (Duration.between(Instant.ofEpochSecond(seconds), now).abs().compareTo(tolerance) > 0) {
            throw CrmRejectedException.unauthenticated("the signature's timestamp is more than "
                    + tolerance.toMinutes() + " minutes from now");
        }
        byte[] signed = (timestamp + ".").getBytes(StandardCharsets.UTF_8);
        for (String secret : secrets) {
            String expected = Signatures.hex(Signatures.hmacSha256(secret, signed, body));
            for (String signature : signatures) {
                if (Signatures.same(expected, signature)) {
                    return;
                }
            }
        }
        throw CrmRejectedException.unauthenticated("no valid v1 signature in " + HEADER);
    }
}
