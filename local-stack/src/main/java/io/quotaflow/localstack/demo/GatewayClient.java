package io.quotaflow.localstack.demo;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Calls Quotaflow the way any client does: through the gateway, with a bearer token minted by the gateway's dev-token
 * endpoint (on in the local stack), or unauthenticated for the signed CRM webhooks. Busy answers (429 with
 * {@code Retry-After}, 502–504, a refused connection) are retried for a while; any other failure is a
 * {@link DemoFailure} carrying the answer.
 */
final class GatewayClient {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration PATIENCE = Duration.ofMinutes(3);

    private final String gateway;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> tokens = new HashMap<>();

    GatewayClient(String gateway) {
        this.gateway = gateway;
    }

    String url() {
        return gateway;
    }

    /** A caller's identity: the dev-token request body. */
    record Identity(String sub, List<String> roles, String repId, List<String> teamIds) {
        static Identity admin() {
            return new Identity("demo-feeder", List.of("ADMIN"), null, List.of());
        }

        static Identity integration() {
            return new Identity("demo-crm-sync", List.of("INTEGRATION"), null, List.of());
        }
    }

    String token(Identity identity) {
        return tokens.computeIfAbsent(identity.sub(), sub -> {
            ObjectNode body = JSON.createObjectNode().put("sub", identity.sub());
            identity.roles().forEach(body.putArray("roles")::add);
            if (identity.repId() != null) {
                body.put("repId", identity.repId());
            }
            identity.teamIds().forEach(body.putArray("teamIds")::add);
            try {
                return send("POST", "/auth/dev-token", null, body, "application/json").path("token").asString();
            } catch (DemoFailure e) {
                throw new DemoFailure("the gateway at " + gateway + " mints no dev token (" + e.getMessage()
                        + "); the demo needs one: start the gateway with QUOTAFLOW_DEV_TOKENS_ENABLED=true");
            }
        });
    }

    JsonNode get(String path, Identity identity) {
        return send("GET", path, identity, null, null);
    }

    JsonNode put(String path, Identity identity, Object body) {
        return send("PUT", path, identity, body, "application/json");
    }

    JsonNode post(String path, Identity identity, Object body) {
        return send("POST", path, identity, body, "application/json");
    }

    /** A CSV file as the multipart part {@code file}. */
    JsonNode upload(String path, Identity identity, String fileName, byte[] csv) {
        String boundary = "demo-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + csv.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(csv, 0, body, head.length, csv.length);
        System.arraycopy(tail, 0, body, head.length + csv.length, tail.length);
        return send("POST", path, identity, body, "multipart/form-data; boundary=" + boundary);
    }

    /** Sends raw bytes with extra headers (the signed webhooks: no token). */
    String sendRaw(String path, byte[] body, String contentType, Map<String, String> headers) {
        return exchange("POST", path, null, body, contentType, headers).body();
    }

    private JsonNode send(String method, String path, Identity identity, Object body, String contentType) {
        byte[] bytes = body == null ? null : body instanceof byte[] raw ? raw : JSON.writeValueAsBytes(body);
        String answer = exchange(method, path, identity, bytes, contentType, Map.of()).body();
        return answer.isBlank() ? JSON.createObjectNode() : JSON.readTree(answer);
    }

    private HttpResponse<String> exchange(String method, String path, Identity identity, byte[] body,
                                          String contentType, Map<String, String> headers) {
        Instant deadline = Instant.now().plus(PATIENCE);
        long backoff = 250;
        while (true) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path))
                    .timeout(Duration.ofSeconds(60))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            if (identity != null) {
                request.header("Authorization", "Bearer " + token(identity));
            }
            headers.forEach(request::header);
            long wait;
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status < 300) {
                    return response;
                }
                if (status == 401 && identity != null) {
                    tokens.remove(identity.sub());
                }
                if (status != 429 && status != 401 && status < 502) {
                    throw new DemoFailure(method + " " + path + " answered " + status + ": " + response.body(), status);
                }
                wait = response.headers().firstValue("Retry-After").map(s -> Long.parseLong(s.trim()) * 1000)
                        .orElse(backoff);
                if (Instant.now().isAfter(deadline)) {
                    throw new DemoFailure(method + " " + path + " still answers " + status + ": " + response.body());
                }
            } catch (IOException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw new DemoFailure(method + " " + path + " failed: " + e.getMessage());
                }
                wait = backoff;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DemoFailure("interrupted");
            }
            backoff = Math.min(backoff * 2, 5000);
            pause(wait);
        }
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoFailure("interrupted");
        }
    }

    /** The demo could not go on: a service refused what was sent, or stayed unavailable. */
    static final class DemoFailure extends RuntimeException {
        private final int status;

        DemoFailure(String message) {
            this(message, 0);
        }

        DemoFailure(String message, int status) {
            super(message);
            this.status = status;
        }

        /** The HTTP status the gateway answered, 0 when there was no answer. */
        int status() {
            return status;
        }
    }
}
