package io.quotaflow.kpi;

import io.quotaflow.kpi.alerts.domain.AlertPolicy;
import io.quotaflow.kpi.attainment.domain.Thresholds;
import io.quotaflow.kpi.customers.domain.IntentPolicy;
import io.quotaflow.kpi.customers.domain.TierPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** kpi-service's settings ({@code quotaflow.kpi.*}), one group per capability; defaults as documented in the README. */
@ConfigurationProperties("quotaflow.kpi")
public record KpiProperties(Attainment attainment, Tiers tiers, Intent intent, Alerts alerts, Review review) {

    public KpiProperties {
        attainment = attainment == null ? new Attainment(null, null) : attainment;
        tiers = tiers == null ? new Tiers(null, null, null, null) : tiers;
        intent = intent == null ? new Intent(null, null, null, null) : intent;
        alerts = alerts == null ? new Alerts(null, null, null, null, null, null, null, null) : alerts;
        review = review == null ? new Review(0) : review;
    }

    /**
     * @param levels       thresholds whose crossing is always announced: ratios of the target and BASE, TARGET,
     *                     CHALLENGE
     * @param progressStep attainment step between coalesced updates that cross nothing (0: crossings only)
     */
    public record Attainment(List<String> levels, BigDecimal progressStep) {
        public Thresholds thresholds() {
            return levels == null || levels.isEmpty() ? Thresholds.defaults() : new Thresholds(levels);
        }

        public BigDecimal step() {
            return progressStep == null ? new BigDecimal("0.05") : progressStep;
        }
    }

    public record Tiers(BigDecimal aThreshold, BigDecimal bThreshold, BigDecimal growthFloor, BigDecimal growthFactor) {
        public TierPolicy policy() {
            TierPolicy defaults = TierPolicy.defaults();
            return new TierPolicy(aThreshold == null ? defaults.aThreshold() : aThreshold,
                    bThreshold == null ? defaults.bThreshold() : bThreshold,
                    growthFloor == null ? defaults.growthFloor() : growthFloor,
                    growthFactor == null ? defaults.growthFactor() : growthFactor);
        }
    }

    public record Intent(Duration halfLife, Map<String, BigDecimal> weights, BigDecimal siteVisitMinuteWeight,
                         BigDecimal siteVisitCap) {
        public IntentPolicy policy() {
            IntentPolicy defaults = IntentPolicy.defaults();
            Map<String, BigDecimal> merged = new java.util.LinkedHashMap<>(defaults.weights());
            if (weights != null) {
                merged.putAll(weights);
            }
            return new IntentPolicy(halfLife == null ? defaults.halfLife() : halfLife, merged,
                    siteVisitMinuteWeight == null ? defaults.siteVisitMinuteWeight() : siteVisitMinuteWeight,
                    siteVisitCap == null ? defaults.siteVisitCap() : siteVisitCap);
        }
    }

    /** @param interval how often alerts are evaluated (as of the business clock) */
    public record Alerts(Duration interval, BigDecimal conversionDrop, Long minLeads, BigDecimal activityDrop,
                         Long minWeeklyActivity, BigDecimal paceMargin, Integer paceAfterDays,
                         BigDecimal collectionRate) {
        public Duration every() {
            return interval == null ? Duration.ofMinutes(1) : interval;
        }

        public AlertPolicy policy() {
            AlertPolicy defaults = AlertPolicy.defaults();
            return new AlertPolicy(conversionDrop == null ? defaults.conversionDrop() : conversionDrop,
                    minLeads == null ? defaults.minLeads() : minLeads,
                    activityDrop == null ? defaults.activityDrop() : activityDrop,
                    minWeeklyActivity == null ? defaults.minWeeklyActivity() : minWeeklyActivity,
                    paceMargin == null ? defaults.paceMargin() : paceMargin,
                    paceAfterDays == null ? defaults.paceAfterDays() : paceAfterDays,
                    collectionRate == null ? defaults.collectionRate() : collectionRate);
        }
    }

    /** @param historyMonths trailing months whose conversion and deal size are the review's "usual" (default 3) */
    public record Review(int historyMonths) {
        public int months() {
            return historyMonths <= 0 ? 3 : historyMonths;
        }
    }
}
