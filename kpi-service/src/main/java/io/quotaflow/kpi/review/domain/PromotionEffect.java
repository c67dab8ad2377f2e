package io.quotaflow.kpi.review.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Promotion effectiveness: what deals carrying a promotion code did against those without one (the baseline: the
 * scope's totals minus every promotion's).
 * <ul>
 *   <li><b>conversion</b> = deals won / leads carrying the code; <b>volume uplift</b> = conversion / baseline
 *       conversion − 1 (more deals per lead);</li>
 *   <li><b>average deal size</b> = revenue / deals; <b>deal size uplift</b> = average / baseline average − 1;</li>
 *   <li><b>margin rate</b> = gross margin / revenue; <b>margin rate change</b> = margin rate − baseline margin rate (in
 *       ratio points: −0.05 is five points of margin given up).</li>
 * </ul>
 * A ratio whose denominator is zero is {@code null}. Ratios to 4 decimals, amounts to cents.
 */
public final class PromotionEffect {

    private static final MathContext PRECISION = MathContext.DECIMAL64;

    private PromotionEffect() {
    }

    /** Leads, deals, revenue and margin of deals with a code (or without any). */
    public record Figures(long leads, long deals, BigDecimal revenue, BigDecimal margin) {
        Figures minus(Figures other) {
            return new Figures(leads - other.leads, deals - other.deals, revenue.subtract(other.revenue),
                    margin.subtract(other.margin));
        }

        BigDecimal conversion() {
            return leads == 0 ? null : BigDecimal.valueOf(deals).divide(BigDecimal.valueOf(leads), PRECISION);
        }

        BigDecimal averageDeal() {
            return deals == 0 ? null : revenue.divide(BigDecimal.valueOf(deals), PRECISION);
        }

        BigDecimal marginRate() {
            return revenue.signum() == 0 ? null : margin.divide(revenue, PRECISION);
        }
    }

    public record Effect(String code, long leads, long deals, BigDecimal revenue, BigDecimal margin,
                         Double conversion, BigDecimal avgDealSize, Double marginRate, Double volumeUplift,
                         Double dealSizeUplift, Double marginRateChange) {
    }

    /** The baseline (no code) and one effect per code, in the order given. */
    public static List<Effect> of(Map<String, Figures> byCode, Figures total) {
        Figures promoted = new Figures(0, 0, BigDecimal.ZERO, BigDecimal.ZERO);
        for (Figures figures : byCode.values()) {
            promoted = new Figures(promoted.leads + figures.leads, promoted.deals + figures.deals,
                    promoted.revenue.add(figures.revenue), promoted.margin.add(figures.margin));
        }
        Figures baseline = total.minus(promoted);
        List<Effect> effects = new ArrayList<>();
        effects.add(effect(null, baseline, null));
        byCode.forEach((code, figures) -> effects.add(effect(code, figures, baseline)));
        return effects;
    }

    private static Effect effect(String code, Figures figures, Figures baseline) {
        return new Effect(code, figures.leads, figures.deals, money(figures.revenue), money(figures.margin),
                ratio(figures.conversion()), figures.averageDeal() == null ? null : money(figures.averageDeal()),
                ratio(figures.marginRate()),
                baseline == null ? null : ratio(relative(figures.conversion(), baseline.conversion())),
                baseline == null ? null : ratio(relative(figures.averageDeal(), baseline.averageDeal())),
                baseline == null || figures.marginRate() == null || baseline.marginRate() == null ? null
                        : ratio(figures.marginRate().subtract(baseline.marginRate())));
    }

    private static BigDecimal relative(BigDecimal value, BigDecimal baseline) {
        if (value == null || baseline == null || baseline.signum() == 0) {
            return null;
        }
        return value.divide(baseline, PRECISION).subtract(BigDecimal.ONE);
    }

    private static Double ratio(BigDecimal value) {
        return value == null ? null : value.setScale(4, RoundingMode.HALF_UP).doubleValue();
    }

    private static BigDecimal money(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }
}
