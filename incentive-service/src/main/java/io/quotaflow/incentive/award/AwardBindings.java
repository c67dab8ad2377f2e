package io.quotaflow.incentive.award;

import io.quotaflow.events.Topics;
import io.quotaflow.incentive.domain.BusinessCalendar;
import io.quotaflow.platform.config.OrganisationProperties;
import io.quotaflow.platform.consumption.Ledgers;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import java.util.List;
import java.util.function.Consumer;

/** The ledgers that turn kpi, activity and target events into awards (bindings in {@code application.yml}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AwardProperties.class)
class AwardBindings {

    @Bean
    BusinessCalendar businessCalendar(OrganisationProperties organisation) {
        return new BusinessCalendar(organisation.timeZone());
    }

    @Bean
    Consumer<Message<List<byte[]>>> onKpiChange(Ledgers ledgers, AttainmentAwards awards,
                                                @Value("${spring.application.name}") String group) {
        return ledgers.consumer(group, Topics.KPI_CHANGES, awards);
    }

    @Bean
    Consumer<Message<List<byte[]>>> onSalesActivity(Ledgers ledgers, SalesAwards awards,
                                                    @Value("${spring.application.name}") String group) {
        return ledgers.consumer(group, Topics.SALES_ACTIVITIES, awards);
    }

    @Bean
    Consumer<Message<List<byte[]>>> onTarget(Ledgers ledgers, TargetBook targets,
                                             @Value("${spring.application.name}") String group) {
        return ledgers.consumer(group, Topics.TARGETS, targets);
    }
}
