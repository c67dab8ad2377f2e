package io.quotaflow.incentive.plan;

import io.quotaflow.incentive.domain.PlanValidator;
import io.quotaflow.platform.config.OrganisationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PlanProperties.class)
class PlanConfiguration {

    @Bean
    PlanValidator planValidator(OrganisationProperties organisation) {
        return new PlanValidator(organisation.reportingCurrency().getCurrencyCode());
    }
}
