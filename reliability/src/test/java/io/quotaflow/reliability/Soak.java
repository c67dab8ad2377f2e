package io.quotaflow.reliability;

import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The soak: a steady rate of activity for a long time (the long form) or half a minute (the quick form), sampling
 * kpi-service's consumer lag
 * (its consumption API) and each service's live heap after GC ({@code jvm.gc.live.data.size}), so that a leak or a
 * consumer falling behind shows as a trend.
 */
final class Soak {

    record Sample(Duration at, long lag, Map<String, Long> liveHeapBytes) {
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final List<String> WATCHED = List.of("activity-service", "kpi-service", "incentive-service");

    private final EmbeddedSystem system;
    private final Api api;
    private final Slice slice;

    Soak(EmbeddedSystem system, Api api, Slice slice) {
        this.system = system;
        this.api = api;
        this.slice = slice;
    }

    /** Sends {@code perSecond} events a second (one batch a second) for {@code duration}; samples every {@code every}. */
    List<Sample> run(int perSecond, Duration duration, Duration every) {
        List<Sample> samples = new ArrayList<>();
        Instant start = Instant.now();
        Instant nextSample = start;
        for (long second = 0; Duration.between(start, Instant.now()).compareTo(duration) < 0; second++) {
            Instant tick = start.plusSeconds(second);
            long wait = Duration.between(Instant.now(), tick).toMillis();
            if (wait > 0) {
                EmbeddedSystem.pause(Duration.ofMillis(wait));
            }
            slice.sendBatch(slice.fresh(perSecond));
            if (!Instant.now().isBefore(nextSample)) {
                samples.add(sample(Duration.between(start, Instant.now())));
                System.out.println("[reliability] soak " + samples.get(samples.size() - 1));
                nextSample = nextSample.plus(every);
            }
        }
        return samples;
    }

    private Sample sample(Duration at) {
        JsonNode consumption = api.get("/api/kpis/admin/consumption", api.admin()).json();
        Map<String, Long> heap = new TreeMap<>();
        for (String service : WATCHED) {
            heap.put(service, liveHeap(service));
        }
        return new Sample(at, consumption.path("lag").asLong(-1), heap);
    }

    private long liveHeap(String service) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                            URI.create(system.url(service) + "/actuator/metrics/jvm.gc.live.data.size"))
                    .header("Authorization", "Bearer " + api.admin()).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return Api.JSON.readTree(response.body()).path("measurements").path(0).path("value").asLong(-1);
        } catch (Exception e) {
            return -1;
        }
    }
}
