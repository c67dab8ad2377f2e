package io.quotaflow.testsupport.property;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * Drawing a property's inputs from its {@link RandomGenerator}. Ranges are inclusive. Numbers and sizes are not
 * drawn evenly, because the cases where code breaks are rare among even draws:
 * <ul>
 *   <li>each bound comes up about one time in {@value #ONE_IN} (zero, the largest amount, the empty or the full
 *       list);</li>
 *   <li>of the other draws, half are spread evenly over the range and half evenly over the number of binary
 *       digits above the lower bound, so that small values (one cent to share among ten reps) come up as often
 *       as large ones.</li>
 * </ul>
 */
public final class Draw {

    static final int ONE_IN = 20;

    private Draw() {
    }

    /** {@code true} with the given probability. */
    public static boolean chance(RandomGenerator random, double probability) {
        return random.nextDouble() < probability;
    }

    /** A whole number from {@code min} to {@code max}, drawn as the class comment says. */
    public static long between(RandomGenerator random, long min, long max) {
        if (min > max) {
            throw new IllegalArgumentException("Empty range " + min + ".." + max);
        }
        int edge = random.nextInt(ONE_IN);
        if (edge == 0) {
            return min;
        }
        if (edge == 1) {
            return max;
        }
        // max - min may overflow: it is then the span's bits read as unsigned, which is what the digits need.
        long span = max - min;
        if (random.nextBoolean()) {
            int digits = random.nextInt(Long.SIZE - Long.numberOfLeadingZeros(span) + 1);
            long below = digits == Long.SIZE ? -1 : (1L << digits) - 1;
            return min + evenOffset(random, Long.compareUnsigned(below, span) < 0 ? below : span);
        }
        return min + evenOffset(random, span);
    }

    /** An offset from 0 to {@code span} inclusive, {@code span} read as unsigned. */
    private static long evenOffset(RandomGenerator random, long span) {
        if (span >= 0 && span < Long.MAX_VALUE) {
            return random.nextLong(span + 1);
        }
        long offset;
        do {
            offset = random.nextLong();
        } while (Long.compareUnsigned(offset, span) > 0);
        return offset;
    }

    /** A whole number from {@code min} to {@code max}, drawn as the class comment says. */
    public static int between(RandomGenerator random, int min, int max) {
        return (int) between(random, (long) min, max);
    }

    /**
     * A decimal of the given scale from {@code min} to {@code max} (bounds rounded into the range at that scale),
     * drawn as the class comment says in units of the scale.
     */
    public static BigDecimal between(RandomGenerator random, BigDecimal min, BigDecimal max, int scale) {
        long lowest = min.setScale(scale, RoundingMode.CEILING).unscaledValue().longValueExact();
        long highest = max.setScale(scale, RoundingMode.FLOOR).unscaledValue().longValueExact();
        return BigDecimal.valueOf(between(random, lowest, highest), scale);
    }

    /** One of the values, each as likely. */
    public static <T> T oneOf(RandomGenerator random, List<T> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("Nothing to draw from");
        }
        return values.get(random.nextInt(values.size()));
    }

    /** One of the values, each as likely. */
    @SafeVarargs
    public static <T> T oneOf(RandomGenerator random, T... values) {
        return oneOf(random, List.of(values));
    }

    /** One of the enum's constants, each as likely. */
    public static <E extends Enum<E>> E oneOf(RandomGenerator random, Class<E> type) {
        return oneOf(random, type.getEnumConstants());
    }

    /** {@code null} with the given probability, otherwise a value drawn by {@code value}. */
    public static <T> T orNull(RandomGenerator random, double probability, Function<RandomGenerator, T> value) {
        return chance(random, probability) ? null : value.apply(random);
    }

    /** A list of {@code minSize} to {@code maxSize} elements, each drawn by {@code element}. */
    public static <T> List<T> listOf(RandomGenerator random, int minSize, int maxSize,
                                     Function<RandomGenerator, T> element) {
        int size = between(random, minSize, maxSize);
        List<T> list = new ArrayList<>(size);
        for (int index = 0; index < size; index++) {
            list.add(element.apply(random));
        }
        return list;
    }

    /** Up to {@code maxSize} distinct elements of {@code values}, in the order drawn. */
    public static <T> Set<T> subsetOf(RandomGenerator random, Collection<T> values, int maxSize) {
        List<T> candidates = shuffled(random, new ArrayList<>(new LinkedHashSet<>(values)));
        int size = between(random, 0, Math.min(maxSize, candidates.size()));
        return Collections.unmodifiableSet(new LinkedHashSet<>(candidates.subList(0, size)));
    }

    /** The items in a random order (a Fisher–Yates shuffle of a copy). */
    public static <T> List<T> shuffled(RandomGenerator random, List<T> items) {
        List<T> copy = new ArrayList<>(items);
        for (int index = copy.size() - 1; index > 0; index--) {
            int other = random.nextInt(index + 1);
            copy.set(index, copy.set(other, copy.get(index)));
        }
        return copy;
    }

    /**
     * Every item at least once, about one in three of them up to three times more, all in a random order: what
     * an at-least-once broker may deliver for a set of events, redelivering some after a retry or a rebalance
     * and interleaving partitions in any order. Repeats are the same objects, as a redelivery carries the same
     * event (the same id).
     */
    public static <T> List<T> shuffledWithRepeats(RandomGenerator random, List<T> items) {
        List<T> deliveries = new ArrayList<>(items);
        for (T item : items) {
            if (chance(random, 1.0 / 3)) {
                for (int repeat = between(random, 1, 3); repeat > 0; repeat--) {
                    deliveries.add(item);
                }
            }
        }
        return shuffled(random, deliveries);
    }
}
