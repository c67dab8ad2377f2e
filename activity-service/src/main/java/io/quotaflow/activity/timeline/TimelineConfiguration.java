package io.quotaflow.activity.timeline;

import io.quotaflow.events.Topics;
import io.quotaflow.platform.consumption.Ledgers;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import java.util.List;
import java.util.function.Consumer;

/** The timeline's ledger consumer of {@code sales-activities} (binding {@code onSalesActivity-in-0}). */
@Configuration(proxyBeanMethods = false)
class TimelineConfiguration {

    @Bean
    Consumer<Message<List<byte[]>>> onSalesActivity(Ledgers ledgers, Timeline timeline,
                                                    @Value("${spring.application.name}") String group) {
        return ledgers.consumer(group, Topics.SALES_ACTIVITIES, timeline);
    }
}
