package io.quotaflow.platform.config;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** Typed settings shared by every service. */
@AutoConfiguration
@EnableConfigurationProperties(OrganisationProperties.class)
public class PlatformConfiguration {
}
