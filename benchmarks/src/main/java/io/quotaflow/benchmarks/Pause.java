package io.quotaflow.benchmarks;

/** Sleeps of the harness's polling loops (a benchmark waits on real time; tests use Awaitility instead). */
final class Pause {

    private Pause() {
    }

    static void millis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
