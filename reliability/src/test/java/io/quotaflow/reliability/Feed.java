package io.quotaflow.reliability;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A steady stream of a slice's activity in batches, in the background, until stopped or {@code maxBatches} were
 * sent. The interval keeps one feeder under the gateway's ingest policy (a 429 is not what these faults test).
 */
final class Feed implements AutoCloseable {

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final CompletableFuture<Void> done;

    static final Duration INTERVAL = Duration.ofMillis(60_000L / EmbeddedSystem.INGEST_PER_MINUTE + 150);

    private Feed(Slice slice, int batchSize, int maxBatches) {
        done = CompletableFuture.runAsync(() -> {
            for (int sent = 0; running.get() && sent < maxBatches; sent++) {
                slice.sendBatch(slice.fresh(batchSize));
                EmbeddedSystem.pause(INTERVAL);
            }
        });
    }

    static Feed start(Slice slice, int batchSize, int maxBatches) {
        return new Feed(slice, batchSize, maxBatches);
    }

    /** Stops after the batch in flight is accepted; rethrows what went wrong in the stream. */
    @Override
    public void close() {
        running.set(false);
        try {
            done.get(4, TimeUnit.MINUTES);
        } catch (ExecutionException e) {
            throw new AssertionError("the stream failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("the stream did not finish within 4 minutes");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted");
        }
    }
}
