package io.quotaflow.kpi.review.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PromotionEffectTest {

    @Test
    void shouldWeighVolumeUpliftAgainstMarginGivenUp() {
        // Month: 100 leads, 20 deals, 1,000,000 revenue, 400,000 margin. With code P1: 20 leads, 6 deals, 240,000,
        // 72,000. Baseline (no code): 80 leads, 14 deals, 760,000, 328,000.
        //   conversion 0.30 vs 0.175 → uplift 0.30 / 0.175 − 1 = 0.7143
        //   deal size 40,000 vs 54,285.71 → −0.2632
        //   margin rate 0.30 vs 0.4316 → −0.1316 (13 points of margin given up)
        Map<String, PromotionEffect.Figures> byCode = new LinkedHashMap<>();
        byCode.put("P1", new PromotionEffect.Figures(20, 6, new BigDecimal("240000"), new BigDecimal("72000")));

        List<PromotionEffect.Effect> effects = PromotionEffect.of(byCode,
                new PromotionEffect.Figures(100, 20, new BigDecimal("1000000"), new BigDecimal("400000")));

        PromotionEffect.Effect baseline = effects.get(0);
        assertThat(baseline.code()).isNull();
        assertThat(baseline.leads()).isEqualTo(80);
        assertThat(baseline.conversion()).isEqualTo(0.175);
        assertThat(baseline.avgDealSize()).isEqualByComparingTo("54285.71");
        PromotionEffect.Effect p1 = effects.get(1);
        assertThat(p1.conversion()).isEqualTo(0.3);
        assertThat(p1.avgDealSize()).isEqualByComparingTo("40000.00");
        assertThat(p1.marginRate()).isEqualTo(0.3);
        assertThat(p1.volumeUplift()).isEqualTo(0.7143);
        assertThat(p1.dealSizeUplift()).isEqualTo(-0.2632);
        assertThat(p1.marginRateChange()).isEqualTo(-0.1316);
    }

    @Test
    void shouldLeaveRatiosWithoutDenominatorsEmpty() {
        Map<String, PromotionEffect.Figures> byCode = Map.of("NEW", new PromotionEffect.Figures(0, 0, BigDecimal.ZERO,
                BigDecimal.ZERO));

        PromotionEffect.Effect effect = PromotionEffect.of(byCode, new PromotionEffect.Figures(0, 0, BigDecimal.ZERO,
                BigDecimal.ZERO)).get(1);

        assertThat(effect.conversion()).isNull();
        assertThat(effect.volumeUplift()).isNull();
        assertThat(effect.marginRateChange()).isNull();
    }
}
