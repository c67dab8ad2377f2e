package io.quotaflow.platform.consumption;

import io.micrometer.core.instrument.MeterRegistry;
import io.quotaflow.events.EventCodec;
import io.quotaflow.platform.messaging.EventPublisher;
import io.quotaflow.platform.messaging.MessagingConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.stream.config.ListenerContainerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.util.backoff.FixedBackOff;

import java.time.Clock;

/**
 * Exactly-once batch consumption for every service: {@link Ledgers} to bind projections, the dead-letter
 * publisher, the purge of expired markers, and listener containers that retry a failed batch until it passes
 * (an outage pauses consumption; it never skips records).
 */
@AutoConfiguration(afterName = "io.quotaflow.platform.messaging.MessagingConfiguration")
@EnableConfigurationProperties(LedgerProperties.class)
public class ConsumptionConfiguration {

    @Bean
    @ConditionalOnMissingBean
    DeadLetters deadLetters(EventPublisher publisher, KafkaAdmin admin, Clock clock,
                            @Value("${quotaflow.kafka.partitions:6}") int partitions,
                            @Value("${quotaflow.kafka.replication-factor:1}") short replicationFactor,
                            @Value("${quotaflow.kafka.min-insync-replicas:0}") int minInsyncReplicas) {
        return new DeadLetters(publisher, topic -> admin.createOrModifyTopics(TopicBuilder.name(topic)
                .partitions(partitions).replicas(replicationFactor)
                .config("min.insync.replicas", Integer.toString(
                        MessagingConfiguration.minInsyncReplicas(replicationFactor, minInsyncReplicas)))
                .build()), clock);
    }

    @Bean
    @ConditionalOnMissingBean
    Ledgers ledgers(MongoTemplate mongo, EventCodec codec, EventPublisher publisher, DeadLetters deadLetters,
                    LedgerProperties properties, MeterRegistry meters, ObjectProvider<Steps> steps, Clock clock) {
        LedgerStore store = new LedgerStore(mongo.getDb(), clock, properties.writeBulkSize(), properties.fenceCacheSize());
        return new Ledgers(store, codec, publisher, deadLetters, properties, meters, steps.getIfAvailable(() -> Steps.NONE),
                clock);
    }

    @Bean
    @ConditionalOnMissingBean
    LedgerMaintenance ledgerMaintenance(Ledgers ledgers, LedgerProperties properties, Clock clock) {
        return new LedgerMaintenance(ledgers, properties, clock);
    }

    @Bean
    @ConditionalOnMissingBean(name = "ledgerPurgeSchedule")
    SchedulingConfigurer ledgerPurgeSchedule(LedgerMaintenance maintenance, LedgerProperties properties) {
        return registrar -> registrar.addFixedDelayTask(maintenance::purge, properties.purgeInterval());
    }

    /**
     * A batch that fails is handed back whole, after a pause, as long as it keeps failing: the ledger has
     * already dead-lettered what was wrong with a record itself, so what remains is an outage to wait out. The
     * consumer stays in its group meanwhile (the container pauses and keeps polling).
     */
    @Bean
    @ConditionalOnMissingBean
    ListenerContainerCustomizer<AbstractMessageListenerContainer<?, ?>> ledgerContainerCustomizer(
            LedgerProperties properties) {
        return (container, destination, group) -> container.setCommonErrorHandler(
                new DefaultErrorHandler(new FixedBackOff(properties.retryInterval().toMillis(), FixedBackOff.UNLIMITED_ATTEMPTS)));
    }

}
