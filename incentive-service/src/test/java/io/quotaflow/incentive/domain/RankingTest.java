package io.quotaflow.incentive.domain;

import io.quotaflow.events.TargetMetric;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

class RankingTest {

    static final Instant EARLY = Instant.parse("2027-01-10T02:00:00Z");
    static final Instant LATE = Instant.parse("2027-01-25T02:00:00Z");

    @Test
    void shouldPayTheTopPlacesTheirAmounts() {
        List<Ranking.Place> places = Ranking.places(rank(TieRule.SPLIT, "5000.00", "2000.00"), List.of(
                standing("r-1", "900000.00", EARLY), standing("r-2", "1200000.00", EARLY),
                standing("r-3", "700000.00", EARLY)));

        assertThat(places).extracting(Ranking.Place::payeeId, Ranking.Place::place, p -> p.amount().toPlainString())
                .containsExactly(tuple("r-2", 1, "5000.00"), tuple("r-1", 2, "2000.00"));
    }

    @Test
    void shouldSplitTheAmountsOfTheSharedPlacesBetweenRepsTiedFirst() {
        List<Ranking.Place> places = Ranking.places(rank(TieRule.SPLIT, "5000.00", "2000.00", "1000.00"), List.of(
                standing("r-b", "900000.00", LATE), standing("r-a", "900000.00", EARLY),
                standing("r-c", "800000.00", EARLY)));

        assertThat(places).extracting(Ranking.Place::payeeId, Ranking.Place::place, p -> p.amount().toPlainString())
                .containsExactly(tuple("r-a", 1, "3500.00"), tuple("r-b", 1, "3500.00"), tuple("r-c", 3, "1000.00"));
        assertThat(places.get(0).tiedWith()).containsExactly("r-b");
    }

    @Test
    void shouldSplitTheLastPaidPlaceBetweenRepsTiedForIt() {
        List<Ranking.Place> places = Ranking.places(rank(TieRule.SPLIT, "5000.00", "2000.00"), List.of(
                standing("r-1", "900000.00", EARLY), standing("r-2", "800000.00", EARLY),
                standing("r-3", "800000.00", EARLY)));

        assertThat(places).extracting(Ranking.Place::payeeId, p -> p.amount().toPlainString())
                .containsExactly(tuple("r-1", "5000.00"), tuple("r-2", "1000.00"), tuple("r-3", "1000.00"));
    }

    @Test
    void shouldGiveTheCentsThatDoNotDivideToTiedRepsInRepIdOrder() {
        List<Ranking.Place> places = Ranking.places(rank(TieRule.SPLIT, "100.00"), List.of(
                standing("r-3", "10", EARLY), standing("r-1", "10", EARLY), standing("r-2", "10", EARLY)));

        assertThat(places).extracting(Ranking.Place::payeeId, p -> p.amount().toPlainString())
                .containsExactly(tuple("r-1", "33.34"), tuple("r-2", "33.33"), tuple("r-3", "33.33"));
    }

    @Test
    void shouldRankTheRepWhoReachedTheValueFirstHigherUnderEarliest() {
        List<Ranking.Place> places = Ranking.places(rank(TieRule.EARLIEST, "5000.00", "2000.00"), List.of(
                standing("r-a", "900000.00", LATE), standing("r-b", "900000.00", EARLY)));

        assertThat(places).extracting(Ranking.Place::payeeId, Ranking.Place::place, p -> p.amount().toPlainString())
                .containsExactly(tuple("r-b", 1, "5000.00"), tuple("r-a", 2, "2000.00"));
    }

    @Test
    void shouldRankNobodyWithoutAnythingAndPayNoMorePlacesThanThereAreReps() {
        List<Ranking.Place> places = Ranking.places(rank(TieRule.SPLIT, "5000.00", "2000.00", "1000.00"), List.of(
                standing("r-1", "0", EARLY), standing("r-2", "10.00", EARLY)));

        assertThat(places).extracting(Ranking.Place::payeeId).containsExactly("r-2");
    }

    private static RankRule rank(TieRule tieRule, String... amounts) {
        return new RankRule("top-seller", TargetMetric.REVENUE, Arrays.stream(amounts).map(BigDecimal::new).toList(),
                tieRule);
    }

    private static Ranking.Standing standing(String repId, String value, Instant at) {
        return new Ranking.Standing(repId, new BigDecimal(value), at);
    }
}
