package io.quotaflow.incentive.plan;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Plan settings ({@code quotaflow.incentive.plans.*}).
 *
 * @param cacheTtl how long the awards keep using the plans they read before reading them again (a plan saved on
 *                 this instance is seen at once; on other instances within this time)
 */
@ConfigurationProperties("quotaflow.incentive.plans")
public record PlanProperties(Duration cacheTtl) {

    public PlanProperties {
        cacheTtl = cacheTtl == null ? Duration.ofSeconds(1) : cacheTtl;
    }
}
