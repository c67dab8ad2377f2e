package io.quotaflow.kpi.customers.domain;

import io.quotaflow.events.activity.EngagementSignal;
import io.quotaflow.events.activity.FollowUpChannel;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class IntentPolicyTest {

    private static final Instant EPOCH = Instant.parse("2026-12-31T16:00:00Z"); // 1 January 2027, 00:00 Shanghai
    private final IntentPolicy policy = IntentPolicy.defaults();

    @Test
    void shouldHalveASignalsWeightEveryHalfLife() {
        BigDecimal download = policy.weight(IntentPolicy.kindOf(EngagementSignal.CONTENT_DOWNLOAD), null);
        BigDecimal stored = policy.atEpoch(download, Instant.parse("2027-01-13T02:00:00Z"), EPOCH);

        assertThat(download).isEqualByComparingTo("3");
        assertThat(policy.scoreAt(stored, EPOCH, Instant.parse("2027-01-13T02:00:00Z")))
                .isCloseTo(new BigDecimal("3"), within(new BigDecimal("0.00001")));
        assertThat(policy.scoreAt(stored, EPOCH, Instant.parse("2027-01-20T02:00:00Z")))
                .as("7 days later: half").isCloseTo(new BigDecimal("1.5"), within(new BigDecimal("0.00001")));
        assertThat(policy.scoreAt(stored, EPOCH, Instant.parse("2027-01-27T02:00:00Z")))
                .as("14 days later: a quarter").isCloseTo(new BigDecimal("0.75"), within(new BigDecimal("0.00001")));
    }

    @Test
    void shouldAddSignalsInAnyOrderIntoTheSameScore() {
        BigDecimal click = policy.atEpoch(BigDecimal.ONE, Instant.parse("2027-01-19T02:00:00Z"), EPOCH);
        BigDecimal demo = policy.atEpoch(policy.weight(IntentPolicy.kindOf(FollowUpChannel.DEMO), null),
                Instant.parse("2027-01-06T02:00:00Z"), EPOCH);

        BigDecimal score = policy.scoreAt(click.add(demo), EPOCH, Instant.parse("2027-01-20T02:00:00Z"));

        // click a day ago: 2^(-1/7) = 0.905724; demo (weight 4) two weeks ago: 4 × 0.25 = 1
        assertThat(score).isCloseTo(new BigDecimal("1.905724"), within(new BigDecimal("0.00001")));
        assertThat(click.add(demo)).isEqualByComparingTo(demo.add(click));
    }

    @Test
    void shouldWeighASiteVisitByItsMinutesUpToACap() {
        assertThat(policy.weight("SITE_VISIT", 240)).isEqualByComparingTo("2.0");
        assertThat(policy.weight("SITE_VISIT", 61)).as("started minutes").isEqualByComparingTo("1.0");
        assertThat(policy.weight("SITE_VISIT", 600)).isEqualByComparingTo("3");
        assertThat(policy.weight("SITE_VISIT", null)).isEqualByComparingTo("0.5");
        assertThat(policy.weight("FOLLOW_UP_VISIT", null)).isEqualByComparingTo("3");
    }
}
