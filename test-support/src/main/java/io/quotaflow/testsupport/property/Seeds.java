package io.quotaflow.testsupport.property;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Which seeds the properties run under, and how many tries: by default the {@link #FIXED} seeds plus one
 * fresh seed per test JVM. Two system properties change that for a run (Maven passes {@code -D} options on to
 * the test JVM):
 * <ul>
 *   <li>{@code -Dquotaflow.seed=<seed>[,<seed>...]}: only these seeds, e.g. the one a failure printed;</li>
 *   <li>{@code -Dquotaflow.tries=<n>}: {@code n} tries per seed for every property, e.g. for a longer hunt.</li>
 * </ul>
 */
public final class Seeds {

    public static final String SEED_PROPERTY = "quotaflow.seed";
    public static final String TRIES_PROPERTY = "quotaflow.tries";

    /** The seeds every build runs. */
    public static final List<Long> FIXED = List.of(20_240_101L, 7_919L);

    private static final long FRESH = new SplittableRandom().nextLong();

    private Seeds() {
    }

    /** The given seeds if {@code quotaflow.seed} is set, otherwise the fixed seeds and this JVM's fresh seed. */
    public static List<Seed> forThisRun() {
        String given = System.getProperty(SEED_PROPERTY, "");
        if (!given.isBlank()) {
            return Arrays.stream(given.split(","))
                    .map(String::strip)
                    .map(value -> new Seed(parse(SEED_PROPERTY, value), Seed.Origin.GIVEN))
                    .toList();
        }
        return Stream.concat(
                        FIXED.stream().map(value -> new Seed(value, Seed.Origin.FIXED)),
                        Stream.of(new Seed(FRESH, Seed.Origin.FRESH)))
                .toList();
    }

    /** {@code quotaflow.tries} if it is set, otherwise {@code declared}. */
    public static int tries(int declared) {
        String given = System.getProperty(TRIES_PROPERTY, "");
        int tries = given.isBlank() ? declared : Math.toIntExact(parse(TRIES_PROPERTY, given.strip()));
        if (tries < 1) {
            throw new IllegalArgumentException("A property needs at least one try, not " + tries);
        }
        return tries;
    }

    private static long parse(String property, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException("-D" + property + " takes whole numbers, not '" + value + "'", notANumber);
        }
    }
}
