package io.quotaflow.testsupport.crash;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * When a consumer under test should crash: after the n-th time it reaches a named step (the names are the
 * consumer's own, e.g. the platform ledger's {@code JOURNAL_WRITTEN}). Shared by every restart of the consumer,
 * so "the 2nd and 5th time" counts across restarts.
 */
public final class Crashes {

    private final Map<String, Set<Integer>> plan = new HashMap<>();
    private final Map<String, Integer> reached = new HashMap<>();
    private final AtomicInteger crashed = new AtomicInteger();

    private Crashes() {
    }

    public static Crashes none() {
        return new Crashes();
    }

    /** Crash right after the given occurrences (1-based) of {@code step}. */
    public static Crashes after(String step, int... occurrences) {
        return none().and(step, occurrences);
    }

    public Crashes and(String step, int... occurrences) {
        Set<Integer> at = plan.computeIfAbsent(step, s -> new HashSet<>());
        for (int occurrence : occurrences) {
            at.add(occurrence);
        }
        return this;
    }

    /** Called by the consumer under test after each step; throws {@link SimulatedCrash} when one is due. */
    public synchronized void reached(String step) {
        int count = reached.merge(step, 1, Integer::sum);
        if (plan.getOrDefault(step, Set.of()).contains(count)) {
            crashed.incrementAndGet();
            throw new SimulatedCrash(step, count);
        }
    }

    /** How many crashes happened. */
    public int crashed() {
        return crashed.get();
    }

    /** How many crashes were planned. */
    public int planned() {
        return plan.values().stream().mapToInt(Set::size).sum();
    }

    /** A consumer stopped dead after a step, as by {@code kill -9}: nothing after it ran, nothing was committed. */
    public static final class SimulatedCrash extends RuntimeException {
        SimulatedCrash(String step, int occurrence) {
            super("simulated crash after " + step + " #" + occurrence, null, false, false);
        }
    }
}
