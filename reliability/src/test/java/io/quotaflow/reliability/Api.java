package io.quotaflow.reliability;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Calls through the gateway, as a client does: JSON, a dev token per identity, the answer as it came. */
final class Api {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String gateway;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    Api(String gateway) {
        this.gateway = gateway;
    }

    /** An answer; {@code status} 0 when none came (connection refused, time-out). */
    record Answer(int status, String body, Map<String, java.util.List<String>> headers) {

        JsonNode json() {
            return JSON.readTree(body);
        }

        String header(String name) {
            return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .flatMap(entry -> entry.getValue().stream()).findFirst().orElse(null);
        }

        boolean isProblem() {
            String type = header("Content-Type");
            return type != null && type.startsWith("application/problem+json");
        }
    }

    String admin() {
        return token("reliability-ops", "{\"sub\":\"reliability-ops\",\"roles\":[\"ADMIN\"]}");
    }

    /** An integration identity of its own: the gateway's rate limits are per identity. */
    String integration(String subject) {
        return token(subject, "{\"sub\":\"" + subject + "\",\"roles\":[\"INTEGRATION\"]}");
    }

    String rep(String repId) {
        return token("rep:" + repId, "{\"sub\":\"" + repId + "\",\"roles\":[\"REP\"],\"repId\":\"" + repId + "\"}");
    }

    private String token(String key, String request) {
        return tokens.computeIfAbsent(key, k -> {
            Answer answer = send(HttpRequest.newBuilder(URI.create(gateway + "/auth/dev-token"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(request)));
            if (answer.status() != 200) {
                throw new AssertionError("no dev token for " + request + ": " + answer);
            }
            return answer.json().path("token").asString();
        });
    }

    Answer get(String path, String token) {
        return send(authorised(path, token).GET());
    }

    Answer post(String path, String token, String json) {
        return send(authorised(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Answer put(String path, String token, String json) {
        return send(authorised(path, token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), response.headers().map());
        } catch (IOException e) {
            return new Answer(0, e.toString(), Map.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted");
        }
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(url(path)));
    }

    /** The gateway's URL of the path: the public one a CRM calls. */
    String url(String path) {
        return gateway + path;
    }

    private HttpRequest.Builder authorised(String path, String token) {
        HttpRequest.Builder builder = request(path);
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }
}
