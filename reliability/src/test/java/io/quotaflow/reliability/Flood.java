package io.quotaflow.reliability;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One identity sends single activities at ten times the steady rate (the gateway's ingest policy, per second)
 * while another sends at the steady rate. Only what the flooder got accepted is in its reference: a refused
 * request is not retried here, as a client that gets 429 drops or delays it.
 */
final class Flood {

    record Result(int floodRate, int steadyRate, Map<Integer, Integer> flooderStatuses,
                  Map<Integer, Integer> steadyStatuses, Duration first429, String retryAfter, Duration steadySlowest) {
    }

    private final Slice flooder;
    private final Slice steady;

    Flood(Slice flooder, Slice steady) {
        this.flooder = flooder;
        this.steady = steady;
    }

    Result run(Duration duration) {
        int steadyRate = Math.max(1, EmbeddedSystem.INGEST_PER_MINUTE / 60);
        int floodRate = 10 * steadyRate;
        Map<Integer, AtomicInteger> floodStatuses = new ConcurrentHashMap<>();
        AtomicReference<Duration> first429 = new AtomicReference<>();
        AtomicReference<String> retryAfter = new AtomicReference<>();
        AtomicLong slowest = new AtomicLong();
        Api api = new Api(FaultsIT.system.gateway());
        String token = flooder.feederToken();
        steady.feederToken();

        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> sent = new ArrayList<>();
        Instant start = Instant.now();
        Instant end = start.plus(duration);
        Thread steadyThread = new Thread(() -> {
            long period = 1000L / steadyRate;
            while (Instant.now().isBefore(end)) {
                Instant before = Instant.now();
                steady.sendOne(steady.fresh(1).get(0));
                slowest.accumulateAndGet(Duration.between(before, Instant.now()).toMillis(), Math::max);
                EmbeddedSystem.pause(Duration.ofMillis(Math.max(0, period - Duration.between(before, Instant.now())
                        .toMillis())));
            }
        }, "steady-identity");
        steadyThread.start();
        long interval = 1000L / floodRate;
        for (long at = 0; start.plusMillis(at).isBefore(end); at += interval) {
            long wait = Duration.between(Instant.now(), start.plusMillis(at)).toMillis();
            if (wait > 0) {
                EmbeddedSystem.pause(Duration.ofMillis(wait));
            }
            Activity activity = flooder.fresh(1).get(0);
            sent.add(pool.submit(() -> {
                Api.Answer answer = api.post("/api/activities", token, activity.toJson().toString());
                floodStatuses.computeIfAbsent(answer.status(), s -> new AtomicInteger()).incrementAndGet();
                if (answer.status() == 202) {
                    flooder.reference().sent(activity);
                } else if (answer.status() == 429) {
                    first429.compareAndSet(null, Duration.between(start, Instant.now()));
                    retryAfter.compareAndSet(null, answer.header("Retry-After"));
                    if (!answer.isProblem()) {
                        throw new AssertionError("429 without problem+json: " + answer);
                    }
                } else {
                    throw new AssertionError("flooder got " + answer.status() + ": " + answer.body());
                }
            }));
        }
        for (Future<?> future : sent) {
            try {
                future.get(2, TimeUnit.MINUTES);
            } catch (Exception e) {
                throw new AssertionError("a flood request failed: " + e.getMessage(), e);
            }
        }
        pool.shutdown();
        try {
            steadyThread.join(Duration.ofMinutes(2).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Map<Integer, Integer> flooderStatuses = new TreeMap<>();
        floodStatuses.forEach((status, count) -> flooderStatuses.put(status, count.get()));
        return new Result(floodRate, steadyRate, flooderStatuses, steady.statuses(),
                first429.get() == null ? Duration.ZERO : first429.get(), retryAfter.get(),
                Duration.ofMillis(slowest.get()));
    }
}
