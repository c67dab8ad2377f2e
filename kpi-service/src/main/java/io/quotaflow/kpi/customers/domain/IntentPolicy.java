package io.quotaflow.kpi.customers.domain;

import io.quotaflow.events.activity.EngagementSignal;
import io.quotaflow.events.activity.FollowUpChannel;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The high-intent score of a customer: the sum of the weights of their engagement signals and of the rep's
 * follow-ups with them, each halved for every {@code halfLife} (default 7 days) since it happened:
 * {@code score(t) = Σ weight_i × 2^(-(t - t_i) / halfLife)}.
 *
 * <p>Kept order-independently: each signal is stored as its weight carried forward to a fixed epoch (the start of
 * the month it happened in), {@code weight × 2^((t_i - epoch) / halfLife)}, rounded to 6 decimals, so that storing is
 * a plain sum (any order, each once) and reading multiplies the sum by {@code 2^(-(t - epoch) / halfLife)}.
 *
 * <p>Default weights: email click 1, site visit 0.5 per started minute (at most 3), content download 3, livestream
 * view 2; follow-ups: call 1, visit 3, meeting 3, demo 4, email 0.5, WeChat 1.
 */
public record IntentPolicy(Duration halfLife, Map<String, BigDecimal> weights, BigDecimal siteVisitMinuteWeight,
                           BigDecimal siteVisitCap) {

    public static final String FOLLOW_UP = "FOLLOW_UP_";
    private static final MathContext PRECISION = MathContext.DECIMAL64;
    private static final int SCALE = 6;

    public IntentPolicy {
        Objects.requireNonNull(halfLife, "halfLife");
        if (halfLife.isZero() || halfLife.isNegative()) {
            throw new IllegalArgumentException("the half-life must be positive");
        }
        weights = Map.copyOf(weights);
    }

    public static IntentPolicy defaults() {
        Map<String, BigDecimal> weights = new LinkedHashMap<>();
        weights.put(EngagementSignal.EMAIL_CLICK.name(), new BigDecimal("1"));
        weights.put(EngagementSignal.CONTENT_DOWNLOAD.name(), new BigDecimal("3"));
        weights.put(EngagementSignal.LIVESTREAM_VIEW.name(), new BigDecimal("2"));
        weights.put(FOLLOW_UP + FollowUpChannel.CALL, new BigDecimal("1"));
        weights.put(FOLLOW_UP + FollowUpChannel.VISIT, new BigDecimal("3"));
        weights.put(FOLLOW_UP + FollowUpChannel.MEETING, new BigDecimal("3"));
        weights.put(FOLLOW_UP + FollowUpChannel.DEMO, new BigDecimal("4"));
        weights.put(FOLLOW_UP + FollowUpChannel.EMAIL, new BigDecimal("0.5"));
        weights.put(FOLLOW_UP + FollowUpChannel.WECHAT, new BigDecimal("1"));
        return new IntentPolicy(Duration.ofDays(7), weights, new BigDecimal("0.5"), new BigDecimal("3"));
    }

    /** The kind of signal an engagement is ({@code SITE_VISIT}) and a follow-up ({@code FOLLOW_UP_CALL}). */
    public static String kindOf(EngagementSignal signal) {
        return signal.name();
    }

    public static String kindOf(FollowUpChannel channel) {
        return FOLLOW_UP + channel.name();
    }

    /** The weight of one signal; a site visit weighs by its duration. */
    public BigDecimal weight(String kind, Integer durationSeconds) {
        if (kind.equals(EngagementSignal.SITE_VISIT.name())) {
            long minutes = durationSeconds == null || durationSeconds <= 0 ? 1 : (durationSeconds + 59) / 60;
            return siteVisitMinuteWeight.multiply(BigDecimal.valueOf(minutes)).min(siteVisitCap);
        }
        return weights.getOrDefault(kind, BigDecimal.ZERO);
    }

    /** A weight carried to {@code epoch}: what is stored. */
    public BigDecimal atEpoch(BigDecimal weight, Instant at, Instant epoch) {
        return weight.multiply(decay(Duration.between(epoch, at)), PRECISION).setScale(SCALE, RoundingMode.HALF_UP);
    }

    /** A stored sum, read at {@code now}. */
    public BigDecimal scoreAt(BigDecimal storedAtEpoch, Instant epoch, Instant now) {
        return storedAtEpoch.multiply(decay(Duration.between(now, epoch)), PRECISION).setScale(SCALE,
                RoundingMode.HALF_UP);
    }

    /** {@code 2^(elapsed / halfLife)}: above 1 going forward, below going back. */
    private BigDecimal decay(Duration elapsed) {
        double halfLives = (double) elapsed.toMillis() / halfLife.toMillis();
        return new BigDecimal(Math.pow(2, halfLives), PRECISION);
    }
}
