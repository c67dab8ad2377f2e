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
 * Event publishing (acknowledged sends, single writer per topic), the outbox relay, idempotent
 * consumption, and creation of the topics this service writes.
 */
@AutoConfiguration
@EnableScheduling
public class MessagingConfiguration {

    @Bean
    EventCodec eventCodec() {
        return new EventCodec();
    }

    @Bean
    EventPublisher eventPublisher(KafkaTemplate<String, byte[]> kafka, EventCodec codec,
                                  @Value("${spring.application.name}") String service,
                                  @Value("${quotaflow.kafka.ack-timeout:30s}") Duration ackTimeout,
                                  MeterRegistry meters) {
        return new KafkaEventPublisher(kafka, codec, service, ackTimeout, meters);
    }

    @Bean
    IdempotentConsumer idempotentConsumer(MongoTemplate mongo, EventCodec codec, MeterRegistry meters, Clock clock) {
        return new IdempotentConsumer(mongo, codec, meters, clock);
    }

    @Bean
    OutboxRelay outboxRelay(ObjectProvider<Outbox> outboxes, EventPublisher publisher, MeterRegistry meters) {
        return new OutboxRelay(outboxes.orderedStream().toList(), publisher, meters);
    }

    @Bean
    SchedulingConfigurer outboxRelaySchedule(OutboxRelay relay,
                                             @Value("${quotaflow.outbox.relay-interval:2s}") Duration interval) {
        return registrar -> registrar.addFixedDelayTask(relay::relay, interval);
    }

    /** The topics this service is the single writer of, created with the configured partitions. */
    @Bean
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
