package io.quotaflow.reliability;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Watches a service's {@code /actuator/health} in the background and remembers when its status changed. An answer
 * that takes longer than 10 s is NO ANSWER (an orchestrator's probe would have given up long before).
 */
final class Health implements AutoCloseable {

    record Change(Instant at, String status) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Change> changes = new ArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final CompletableFuture<Void> done;

    private Health(String url) {
        done = CompletableFuture.runAsync(() -> {
            while (running.get()) {
                record(status(url));
                EmbeddedSystem.pause(Duration.ofMillis(300));
            }
        });
    }

    static Health watch(String serviceUrl) {
        return new Health(serviceUrl);
    }

    private synchronized void record(String status) {
        if (changes.isEmpty() || !changes.get(changes.size() - 1).status().equals(status)) {
            changes.add(new Change(Instant.now(), status));
        }
    }

    synchronized List<Change> changes() {
        return List.copyOf(changes);
    }

    private static String status(String url) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/actuator/health"))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            return body.contains("\"status\":\"UP\"") && response.statusCode() == 200 ? "UP"
                    : body.contains("\"status\":\"DOWN\"") ? "DOWN" : "HTTP " + response.statusCode();
        } catch (Exception e) {
            return "NO ANSWER";
        }
    }

    @Override
    public void close() {
        running.set(false);
        done.join();
    }
}
