package io.quotaflow.platform.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quotaflow.events.EventCodec;
import io.quotaflow.events.Topic;
import io.quotaflow.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Event publishing (acknowledged sends, single writer per topic), the outbox relay and its leases, idempotent
 * consumption, and creation of the topics this service writes. A service replaces any of these beans by
 * defining its own: by type, or by name where beans of the type add up (the schedule, the topics).
 */
@AutoConfiguration
@EnableScheduling
public class MessagingConfiguration {

    @Bean
    @ConditionalOnMissingBean
    EventCodec eventCodec() {
        return new EventCodec();
    }

    @Bean
    @ConditionalOnMissingBean
    EventPublisher eventPublisher(KafkaTemplate<String, byte[]> kafka, EventCodec codec,
                                  @Value("${spring.application.name}") String service,
                                  @Value("${quotaflow.kafka.ack-timeout:30s}") Duration ackTimeout,
                                  MeterRegistry meters) {
        return new EventPublisher(kafka, codec, service, ackTimeout, meters);
    }

    @Bean
    @ConditionalOnMissingBean
    IdempotentConsumer idempotentConsumer(MongoTemplate mongo, EventCodec codec, MeterRegistry meters, Clock clock) {
        return new IdempotentConsumer(mongo, codec, meters, clock);
    }

    /** Leases expire by the wall clock, never by the business clock (which tests and demos pin). */
    @Bean
    @ConditionalOnMissingBean
    Leases leases(MongoTemplate mongo) {
        return new Leases(mongo, Clock.systemUTC());
    }

    @Bean
    @ConditionalOnMissingBean
    OutboxRelay outboxRelay(ObjectProvider<Outbox<?>> outboxes, EventPublisher publisher, Leases leases,
                            @Value("${quotaflow.outbox.lease:1m}") Duration lease,
                            @Value("${quotaflow.kafka.ack-timeout:30s}") Duration ackTimeout,
                            MeterRegistry meters) {
        if (lease.compareTo(ackTimeout.multipliedBy(2)) < 0) {
            throw new IllegalStateException("quotaflow.outbox.lease (" + lease + ") must be at least twice "
                    + "quotaflow.kafka.ack-timeout (" + ackTimeout + "): a relay renews its lease before each batch, "
                    + "and publishing one batch may take that long");
        }
        return new OutboxRelay(outboxes.orderedStream().toList(), publisher, leases, lease, meters);
    }

    @Bean
    @ConditionalOnMissingBean(name = "outboxRelaySchedule")
    SchedulingConfigurer outboxRelaySchedule(OutboxRelay relay,
                                             @Value("${quotaflow.outbox.relay-interval:2s}") Duration interval) {
        return registrar -> registrar.addFixedDelayTask(relay::relay, interval);
    }

    /** The topics this service is the single writer of, created with the configured partitions. */
    @Bean
    @ConditionalOnMissingBean(name = "ownedTopics")
    KafkaAdmin.NewTopics ownedTopics(@Value("${spring.application.name}") String service,
                                     @Value("${quotaflow.kafka.partitions:6}") int partitions,
                                     @Value("${quotaflow.kafka.replication-factor:1}") short replicationFactor) {
        List<NewTopic> owned = Topics.all().stream()
                .filter(topic -> topic.producer().equals(service))
                .map(Topic::name)
                .map(name -> TopicBuilder.name(name).partitions(partitions).replicas(replicationFactor).build())
                .toList();
        return new KafkaAdmin.NewTopics(owned.toArray(NewTopic[]::new));
    }
}
