package io.quotaflow.platform.health;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaAdmin;

/** Kafka joins MongoDB (auto-configured by Boot) in {@code /actuator/health}. */
@AutoConfiguration
public class HealthConfiguration {

    @Bean
    KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin admin) {
        return new KafkaHealthIndicator(admin);
    }
}
