package io.quotaflow.activity.raw;

import io.quotaflow.platform.consumption.Ledgers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import java.util.List;
import java.util.function.Consumer;

/** The consumer of {@code sales-activities-raw} (binding {@code onRawActivity-in-0}). */
@Configuration(proxyBeanMethods = false)
class RawActivityConfiguration {

    @Bean
    Consumer<Message<List<byte[]>>> onRawActivity(RawActivities raw) {
        return message -> raw.process(Ledgers.records(message));
    }
}
