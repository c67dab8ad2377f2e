package io.quotaflow.target.decomposition;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.stream.IntStream;

/** A node's monthly target together with its base and challenge levels. */
record Amounts(BigDecimal monthly, BigDecimal base, BigDecimal challenge) {

    /** The amounts of a target set directly rather than shared out: its levels are fractions of it. */
    static Amounts root(BigDecimal monthly, Levels levels, int scale) {
        return new Amounts(
                monthly.setScale(scale),
                monthly.multiply(levels.base()).setScale(scale, RoundingMode.HALF_EVEN),
                monthly.multiply(levels.challenge()).setScale(scale, RoundingMode.HALF_EVEN));
    }

    static Amounts of(TargetNode node) {
        return new Amounts(node.monthly(), node.base(), node.challenge());
    }

    /** Shares out the monthly target, base and challenge alike, all by the same weights. */
    List<Amounts> split(List<BigDecimal> weights, int scale, String field) {
        return zip(
                Apportionment.split(monthly, scale, weights, field),
                Apportionment.split(base, scale, weights, field),
                Apportionment.split(challenge, scale, weights, field));
    }

    static List<Amounts> zip(List<BigDecimal> monthly, List<BigDecimal> base, List<BigDecimal> challenge) {
        return IntStream.range(0, monthly.size())
                .mapToObj(index -> new Amounts(monthly.get(index), base.get(index), challenge.get(index)))
                .toList();
    }

    boolean isZero() {
        return monthly.signum() == 0 && base.signum() == 0 && challenge.signum() == 0;
    }

    /** Equal in value, whatever the scale. */
    boolean sameAs(Amounts other) {
        return monthly.compareTo(other.monthly) == 0
                && base.compareTo(other.base) == 0
                && challenge.compareTo(other.challenge) == 0;
    }
}
