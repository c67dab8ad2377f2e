package io.quotaflow.kpi.aggregation.messaging;

import io.quotaflow.events.Topics;
import io.quotaflow.kpi.KpiProperties;
import io.quotaflow.kpi.aggregation.Projections;
import io.quotaflow.kpi.calendar.BusinessCalendar;
import io.quotaflow.kpi.consumption.ConsumptionGate;
import io.quotaflow.kpi.org.Org;
import io.quotaflow.platform.config.OrganisationProperties;
import io.quotaflow.platform.consumption.Ledgers;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import java.util.List;
import java.util.function.Consumer;

/**
 * kpi-service's consumers, each a platform ledger: activity ({@code onSalesActivity}), targets ({@code onTarget}) and
 * its own customer-keyed deals ({@code onCustomerDeal}); bindings in {@code application.yml}.
 */
@Configuration(proxyBeanMethods = false)
class AggregationBindings {

    @Bean
    BusinessCalendar businessCalendar(OrganisationProperties organisation) {
        return new BusinessCalendar(organisation.timeZone());
    }

    @Bean
    Projections projections(BusinessCalendar calendar, Org org, KpiProperties properties,
                            OrganisationProperties organisation) {
        return new Projections(calendar, org, properties.attainment().thresholds(), properties.attainment().step(),
                properties.tiers().policy(), properties.intent().policy(),
                organisation.reportingCurrency().getCurrencyCode());
    }

    @Bean
    Consumer<Message<List<byte[]>>> onSalesActivity(Ledgers ledgers, Projections projections, ConsumptionGate gate,
                                                    @Value("${spring.application.name}") String group) {
        return gate.around(Topics.SALES_ACTIVITIES.name(),
                ledgers.consumer(group, Topics.SALES_ACTIVITIES, projections.activities(), gate.turns()));
    }

    @Bean
    Consumer<Message<List<byte[]>>> onTarget(Ledgers ledgers, Projections projections, ConsumptionGate gate,
                                             @Value("${spring.application.name}") String group) {
        return gate.around(Topics.TARGETS.name(),
                ledgers.consumer(group, Topics.TARGETS, projections.targets(), gate.turns()));
    }

    @Bean
    Consumer<Message<List<byte[]>>> onCustomerDeal(Ledgers ledgers, Projections projections, ConsumptionGate gate,
                                                   @Value("${spring.application.name}") String group) {
        return gate.around(Topics.KPI_CUSTOMER_DEALS.name(),
                ledgers.consumer(group, Topics.KPI_CUSTOMER_DEALS, projections.customers(), gate.turns()));
    }
}
