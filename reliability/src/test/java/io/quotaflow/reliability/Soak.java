package io.quotaflow.reliability;

import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The soak: a steady rate of activity for a long time (the long form) or half a minute (the quick form), sampling
 * kpi-service's consumer lag (its consumption API) and each service's live heap, so that a leak or a consumer falling
 * behind shows as a trend. The live heap is measured, not waited for: each sample has the service collect in full
 * ({@code jcmd <pid> GC.run}) and then reads its heap in use ({@code jvm.memory.used}, area heap). A service that
 * cannot be made to collect (no {@code jcmd} beside the running java) reports -1 and is not compared.
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
        if (!collect(service)) {
            return -1;
        }
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(system.url(service)
                            + "/actuator/metrics/jvm.memory.used?tag=area:heap"))
                    .header("Authorization", "Bearer " + api.admin()).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return Api.JSON.readTree(response.body()).path("measurements").path(0).path("value").asLong(-1);
        } catch (Exception e) {
            return -1;
        }
    }

    private static final Path JCMD = Path.of(System.getProperty("java.home"), "bin", "jcmd");

    /** Whether the live heap can be measured here: the JDK running the services has {@code jcmd}. */
    static boolean measuresLiveHeap() {
        return Files.isExecutable(JCMD);
    }

    /** A full collection in the service's JVM, through the JDK's {@code jcmd}; whether it ran. */
    private boolean collect(String service) {
        OptionalLong pid = system.pid(service);
        if (pid.isEmpty() || !measuresLiveHeap()) {
            return false;
        }
        try {
            Process process = new ProcessBuilder(JCMD.toString(), Long.toString(pid.getAsLong()), "GC.run")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
