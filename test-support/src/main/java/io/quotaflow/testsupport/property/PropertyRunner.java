package io.quotaflow.testsupport.property;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.opentest4j.TestAbortedException;

/**
 * Runs a property's tries under one seed: try {@code n} gets the {@code n}-th generator split from
 * {@code new SplittableRandom(seed)}, so the same seed gives the same inputs in the same order on any machine.
 * {@link Property} uses it for each seed; call it directly where an annotation does not fit.
 */
public final class PropertyRunner {

    /** More discarded tries than this per checked one fail the property. */
    public static final int MAX_DISCARDS_PER_CHECK = 5;

    private PropertyRunner() {
    }

    /** One try of a property: draws its inputs from {@code random} and throws if the invariant does not hold. */
    @FunctionalInterface
    public interface Check {
        void run(RandomGenerator random) throws Throwable;
    }

    /** How a property went under one seed: all its tries, and how many of them checked something. */
    public record Outcome(Seed seed, int tries, int checks) {
    }

    /**
     * Runs {@code tries} tries of {@code check} under {@code seed} and stops at the first failing one.
     *
     * @throws PropertyFailure if a try fails, or if too many tries were discarded
     */
    public static Outcome run(Seed seed, int tries, Check check) {
        SplittableRandom generators = new SplittableRandom(seed.value());
        int checks = 0;
        for (int attempt = 1; attempt <= tries; attempt++) {
            RandomGenerator random = generators.split();
            try {
                check.run(random);
                checks++;
            } catch (TestAbortedException discarded) {
                // An assumption did not hold: this try checks nothing.
            } catch (OutOfMemoryError outOfMemory) {
                throw outOfMemory;
            } catch (Throwable failure) {
                throw PropertyFailure.onTry(seed, attempt, tries, failure);
            }
        }
        int discards = tries - checks;
        if (checks == 0 || discards > MAX_DISCARDS_PER_CHECK * checks) {
            throw PropertyFailure.tooManyDiscards(seed, tries, discards);
        }
        return new Outcome(seed, tries, checks);
    }
}
