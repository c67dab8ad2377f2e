package io.quotaflow.target.decomposition;

import java.math.BigDecimal;

/**
 * The base and challenge levels of a target, as fractions of it: the base is the floor a seller
 * is expected to reach whatever happens, the challenge the stretch that earns the most.
 *
 * @param base      fraction of the target that is the base level: more than 0 and at most 1
 * @param challenge fraction of the target that is the challenge level: at least 1
 */
public record Levels(BigDecimal base, BigDecimal challenge) {

    /** Base at 80 % and challenge at 120 % of the target. */
    public static final Levels DEFAULT = new Levels(new BigDecimal("0.8"), new BigDecimal("1.2"));

    public Levels {
        if (base == null || base.signum() <= 0 || base.compareTo(BigDecimal.ONE) > 0) {
            throw new DecompositionException("levels.base", "must be more than 0 and at most 1, was " + plain(base));
        }
        if (challenge == null || challenge.compareTo(BigDecimal.ONE) < 0) {
            throw new DecompositionException("levels.challenge", "must be at least 1, was " + plain(challenge));
        }
    }

    private static String plain(BigDecimal value) {
        return value == null ? "missing" : value.toPlainString();
    }
}
