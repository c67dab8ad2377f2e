package io.quotaflow.benchmarks;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** The harness's HTTP client: JSON in and out, a bearer token, HTTP/1.1 keep-alive connections. */
final class Http {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    record Response(int status, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    Response get(String url, String token) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET(), token);
    }

    Response post(String url, String token, Object body) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))), token);
    }

    Response put(String url, String token, Object body) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))), token);
    }

    /**
     * Calls again while the gateway answers 503/504 (a cold service past the gateway's time limit), for at most a
     * minute: for set-up calls, never for measured ones.
     */
    static Response patiently(java.util.function.Supplier<Response> call) {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        Response response = call.get();
        while ((response.status() == 503 || response.status() == 504) && System.nanoTime() < deadline) {
            Pause.millis(1000);
            response = call.get();
        }
        return response;
    }

    /** A token minted by the gateway's dev-token endpoint (the embedded stack's, as the launcher enables it). */
    String devToken(String gatewayUrl, Map<String, Object> claims) {
        Response response = post(gatewayUrl + "/auth/dev-token", null, claims);
        if (response.status() != 200) {
            throw new IllegalStateException("dev token refused: " + response.status() + " " + response.body());
        }
        return response.json().path("token").asString();
    }

    private Response send(HttpRequest.Builder request, String token) {
        request.timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Response(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
