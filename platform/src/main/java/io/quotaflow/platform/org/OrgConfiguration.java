package io.quotaflow.platform.org;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quotaflow.events.EventCodec;
import io.quotaflow.events.Topics;
import io.quotaflow.platform.consumption.ConsumptionConfiguration;
import io.quotaflow.platform.consumption.Ledgers;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.messaging.Message;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * A service's own projection of the sales org ({@code quotaflow.org.consume=true}): the {@code onSalesOrg}
 * consumer of the compacted {@code sales-org} topic (binding defaults in {@code quotaflow-defaults.yml}; add
 * {@code onSalesOrg} to {@code spring.cloud.function.definition}) and the {@link OrgDirectory} it keeps.
 */
@AutoConfiguration(after = ConsumptionConfiguration.class)
@ConditionalOnProperty(name = "quotaflow.org.consume", havingValue = "true")
public class OrgConfiguration {

    @Bean
    @ConditionalOnMissingBean
    OrgDirectory orgDirectory(MongoTemplate mongo, EventCodec codec, MeterRegistry meters,
                              @Value("${quotaflow.org.max-age:5s}") Duration maxAge) {
        MongoOrgDirectory directory = new MongoOrgDirectory(mongo, codec, maxAge);
        Gauge.builder("quotaflow.org.reps", () -> safeCount(directory)).description("reps in the sales org projection")
                .register(meters);
        return directory;
    }

    @Bean
    @ConditionalOnMissingBean(name = "onSalesOrg")
    Consumer<Message<List<byte[]>>> onSalesOrg(Ledgers ledgers, OrgDirectory directory, EventCodec codec,
                                               @Value("${spring.application.name}") String service) {
        if (!(directory instanceof MongoOrgDirectory mongoDirectory)) {
            throw new IllegalStateException("a service that replaces the OrgDirectory also replaces onSalesOrg");
        }
        return ledgers.consumer(service, Topics.SALES_ORG, new OrgProjection(codec, mongoDirectory));
    }

    private static double safeCount(OrgDirectory directory) {
        try {
            return directory.reps().size();
        } catch (RuntimeException unavailable) {
            return Double.NaN;
        }
    }
}
