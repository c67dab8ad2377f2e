package io.quotaflow.testsupport.property;

/**
 * A property that did not hold: the message names the seed and the try, and says how to run that seed again;
 * the cause, if any, is the failing try's own error.
 */
public final class PropertyFailure extends AssertionError {

    private final transient Seed seed;
    private final int failedTry;

    private PropertyFailure(String message, Throwable cause, Seed seed, int failedTry) {
        super(message, cause);
        this.seed = seed;
        this.failedTry = failedTry;
    }

    static PropertyFailure onTry(Seed seed, int failedTry, int tries, Throwable cause) {
        return new PropertyFailure("Property failed on try %d of %d under %s; run it again with %s%n%s"
                .formatted(failedTry, tries, seed, rerun(seed), cause), cause, seed, failedTry);
    }

    static PropertyFailure tooManyDiscards(Seed seed, int tries, int discards) {
        return new PropertyFailure(("Property discarded %d of %d tries under %s (at most %d per checked try); "
                + "draw inputs that fewer tries have to throw away. Run it again with %s")
                .formatted(discards, tries, seed, PropertyRunner.MAX_DISCARDS_PER_CHECK, rerun(seed)), null, seed, 0);
    }

    private static String rerun(Seed seed) {
        return "-D" + Seeds.SEED_PROPERTY + "=" + seed.value();
    }

    public Seed seed() {
        return seed;
    }

    /** The failing try, counted from 1; 0 if the property failed for discarding too many tries. */
    public int failedTry() {
        return failedTry;
    }
}
