package io.quotaflow.incentive.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The places of a {@link RankRule} at period close. Only values above zero are ranked.
 *
 * <p>Ties, {@link TieRule#SPLIT} (the default): reps with the same value share a place and split equally the
 * amounts of the places they occupy together; the next rep's place comes after all of them ("1, 1, 3"). Example:
 * amounts 5,000 / 2,000 / 1,000, two reps tied first → 3,500.00 each, the next rep third with 1,000. Three reps tied
 * for the last paid place split that place's amount. Cents that do not divide go one each to the tied reps in rep-id
 * order.
 *
 * <p>{@link TieRule#EARLIEST}: the rep who reached the value first ranks higher (then the lower rep id); every
 * place is paid its own amount.
 */
public final class Ranking {

    private Ranking() {
    }

    /** A payee's value of the rule metric at close, and when it was reached. */
    public record Standing(String payeeId, BigDecimal value, Instant reachedAt) {
    }

    /** A paid place: {@code tiedWith} names the others who share it. */
    public record Place(String payeeId, int place, BigDecimal amount, List<String> tiedWith) {
    }

    public static List<Place> places(RankRule rule, List<Standing> standings) {
        List<Standing> ranked = standings.stream().filter(s -> s.value() != null && s.value().signum() > 0)
                .sorted(Comparator.comparing(Standing::value).reversed()
                        .thenComparing(Standing::reachedAt, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(Standing::payeeId))
                .toList();
        int paid = rule.amounts().size();
        List<Place> places = new ArrayList<>();
        if (rule.tieRule() == TieRule.EARLIEST) {
            for (int i = 0; i < Math.min(paid, ranked.size()); i++) {
                places.add(new Place(ranked.get(i).payeeId(), i + 1, rule.amounts().get(i), List.of()));
            }
            return places;
        }
        int place = 1;
        int index = 0;
        while (index < ranked.size() && place <= paid) {
            BigDecimal value = ranked.get(index).value();
            List<String> tied = new ArrayList<>();
            while (index < ranked.size() && ranked.get(index).value().compareTo(value) == 0) {
                tied.add(ranked.get(index).payeeId());
                index++;
            }
            tied.sort(Comparator.naturalOrder());
            BigDecimal pot = BigDecimal.ZERO;
            for (int p = place; p < place + tied.size() && p <= paid; p++) {
                pot = pot.add(rule.amounts().get(p - 1));
            }
            List<BigDecimal> shares = Shares.equally(pot, tied.size());
            for (int i = 0; i < tied.size(); i++) {
                String payee = tied.get(i);
                places.add(new Place(payee, place, shares.get(i),
                        tied.stream().filter(other -> !other.equals(payee)).toList()));
            }
            place += tied.size();
        }
        return places;
    }
}
