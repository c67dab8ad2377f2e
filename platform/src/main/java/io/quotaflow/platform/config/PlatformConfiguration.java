package io.quotaflow.platform.config;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Typed settings shared by every service, and the clock business time is read from. */
@AutoConfiguration
@EnableConfigurationProperties(OrganisationProperties.class)
public class PlatformConfiguration {

    /**
     * The system clock (UTC). {@code quotaflow.clock.fixed} (an ISO instant) pins business time, for
     * tests and demos that must behave the same whatever day they run on.
     */
    @Bean
    @ConditionalOnMissingBean
    Clock clock(@Value("${quotaflow.clock.fixed:}") String fixed) {
        return fixed.isBlank() ? Clock.systemUTC() : Clock.fixed(Instant.parse(fixed), ZoneOffset.UTC);
    }
}
