package io.quotaflow.incentive.award;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Award settings ({@code quotaflow.incentive.awards.*}).
 *
 * @param lookbackPeriods how many periods back a cancellation or a payment finds its deal's period with all its
 *                        totals (older deals are reversed at what they credited)
 */
@ConfigurationProperties("quotaflow.incentive.awards")
public record AwardProperties(Integer lookbackPeriods) {

    public AwardProperties {
        lookbackPeriods = lookbackPeriods == null ? 3 : lookbackPeriods;
    }
}
