package io.quotaflow.systemtests;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A client of the running system that goes through the gateway only, as any API client or CRM does: JSON in and
 * out, a dev token per caller.
 */
final class Gateway {

    /** Numbers are read as written (2000.00 stays 2000.00), never through a double. */
    static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    Gateway(RunningSystem system) {
        this.base = system.url("gateway");
    }

    /** A dev token for {@code claims}, e.g. {@code {"sub":"ops","roles":["ADMIN"]}}. */
    String token(Map<String, Object> claims) {
        Reply reply = send("POST", "/auth/dev-token", null, "application/json", write(claims), Map.of());
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        return reply.body().path("token").asString();
    }

    String admin(String subject) {
        return token(Map.of("sub", subject, "roles", new String[]{"ADMIN"}));
    }

    String integration(String subject) {
        return token(Map.of("sub", subject, "roles", new String[]{"INTEGRATION"}));
    }

    Reply get(String path, String token) {
        return send("GET", path, token, null, null, Map.of());
    }

    Reply post(String path, String token, Object body) {
        return send("POST", path, token, "application/json", write(body), Map.of());
    }

    Reply put(String path, String token, Object body) {
        return send("PUT", path, token, "application/json", write(body), Map.of());
    }

    /**
     * Any request; {@code token} and {@code body} may be null. A {@code 503} (a service still cold on this busy
     * machine missed the gateway's time limit, or its breaker is open) or a {@code 429} (the caller's rate limit)
     * is retried for up to a minute, as the problem's "try again shortly" asks: every request the tests send may be
     * repeated without a second effect (ids are the caller's, a duplicate is recognised), except a plan's creation,
     * where a second DRAFT is harmless.
     */
    Reply send(String method, String path, String token, String contentType, byte[] body, Map<String, String> headers) {
        return await(method + " " + path + " answered").atMost(Duration.ofSeconds(60))
                .pollDelay(Duration.ZERO).pollInterval(Duration.ofSeconds(1))
                .until(() -> once(method, path, token, contentType, body, headers),
                        reply -> reply.status() != 503 && reply.status() != 429);
    }

    private Reply once(String method, String path, String token, String contentType, byte[] body,
                       Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static byte[] write(Object body) {
        return JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
    }

    /** A money amount or count as the services write it (a decimal string), or a JSON number. */
    static BigDecimal decimal(JsonNode node) {
        assertThat(node.isMissingNode() || node.isNull()).as("a number, not %s", node).isFalse();
        return node.isNumber() ? node.decimalValue() : new BigDecimal(node.asString());
    }

    /** An answer: status, content type and body (parsed when it is JSON). */
    record Reply(int status, String contentType, String raw) {

        JsonNode body() {
            return raw == null || raw.isBlank() ? JSON.missingNode() : JSON.readTree(raw);
        }

        /** Asserts the status, showing the body when it differs, and returns the body. */
        JsonNode expect(int expected) {
            assertThat(status).as("status of an answer with body %s", raw).isEqualTo(expected);
            return body();
        }
    }
}
