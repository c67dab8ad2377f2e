package io.quotaflow.testsupport.property;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;

class DrawTest {

    @Property(tries = 50)
    void shouldStayWithinTheBoundsAndHitEachOfThem(RandomGenerator random) {
        long min = random.nextLong(-1_000, 1_000);
        long max = min + random.nextLong(1, 1_000_000);

        Set<Long> drawn = new HashSet<>();
        for (int draw = 0; draw < 600; draw++) {
            drawn.add(Draw.between(random, min, max));
        }

        assertThat(drawn).allSatisfy(value -> assertThat(value).isBetween(min, max)).contains(min, max);
    }

    @Property(tries = 50)
    void shouldDrawDecimalsOfTheScaleWithinTheBounds(RandomGenerator random) {
        int scale = random.nextInt(0, 4);

        BigDecimal drawn = Draw.between(random, new BigDecimal("0.015"), new BigDecimal("7.5"), scale);

        assertThat(drawn.scale()).isEqualTo(scale);
        assertThat(drawn).isBetween(new BigDecimal("0.015"), new BigDecimal("7.5"));
    }

    @Property(tries = 50)
    void shouldReachTheExtremesOfRangesWiderThanALong(RandomGenerator random) {
        assertThat(IntStream.range(0, 600).mapToLong(draw -> Draw.between(random, Long.MIN_VALUE, Long.MAX_VALUE)))
                .contains(Long.MIN_VALUE, Long.MAX_VALUE);
        assertThat(IntStream.range(0, 600).mapToLong(draw -> Draw.between(random, -5, Long.MAX_VALUE)))
                .allSatisfy(value -> assertThat(value).isGreaterThanOrEqualTo(-5))
                .contains(-5L, Long.MAX_VALUE);
    }

    @Property(tries = 50)
    void shouldDrawSmallValuesAsOftenAsLargeOnes(RandomGenerator random) {
        List<Long> drawn = IntStream.range(0, 600).mapToObj(draw -> Draw.between(random, 0, 1_000_000_000_000L)).toList();

        assertThat(drawn).filteredOn(value -> value > 0 && value < 1_000).hasSizeGreaterThan(10);
        assertThat(drawn).filteredOn(value -> value > 1_000_000_000L).hasSizeGreaterThan(100);
    }

    @Property(tries = 100)
    void shouldDrawListsAndSubsetsOfTheSizesAsked(RandomGenerator random) {
        List<Integer> list = Draw.listOf(random, 2, 5, r -> r.nextInt(3));
        Set<Integer> subset = Draw.subsetOf(random, List.of(1, 2, 3, 4, 5), 3);

        assertThat(list).hasSizeBetween(2, 5).allSatisfy(element -> assertThat(element).isBetween(0, 2));
        assertThat(subset).hasSizeLessThanOrEqualTo(3).isSubsetOf(1, 2, 3, 4, 5);
    }

    @Property(tries = 200)
    void shouldDeliverEveryItemAtLeastOnceAndAtMostFourTimes(RandomGenerator random) {
        List<String> events = Draw.listOf(random, 0, 30, r -> "event-" + r.nextInt(1_000_000));

        List<String> delivered = Draw.shuffledWithRepeats(random, events);

        Map<String, Integer> sent = counts(events);
        Map<String, Integer> received = counts(delivered);
        assertThat(received.keySet()).isEqualTo(sent.keySet());
        received.forEach((event, times) -> assertThat(times).isBetween(sent.get(event), 4 * sent.get(event)));
    }

    @Property(tries = 20)
    void shouldRepeatAndReorderSomeDeliveries(RandomGenerator random) {
        List<Integer> events = IntStream.range(0, 50).boxed().toList();

        List<Integer> delivered = Draw.shuffledWithRepeats(random, events);

        assertThat(delivered).hasSizeGreaterThan(events.size()).isNotEqualTo(events);
        assertThat(Draw.shuffled(random, events)).containsExactlyInAnyOrderElementsOf(events).isNotEqualTo(events);
    }

    private static Map<String, Integer> counts(List<String> items) {
        Map<String, Integer> counts = new HashMap<>();
        items.forEach(item -> counts.merge(item, 1, Integer::sum));
        return counts;
    }
}
