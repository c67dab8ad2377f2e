package io.quotaflow.platform.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.quotaflow.events.EventCodec;
import io.quotaflow.events.Topic;
import io.quotaflow.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;

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
    OutboxRelay outboxRelay(ObjectProvider<Outbox> outboxes, EventPublisher publisher, MeterRegistry meters) {
        return new OutboxRelay(outboxes.orderedStream().toList(), publisher, meters);
    }

    @Bean
    SchedulingConfigurer outboxRelaySchedule(OutboxRelay relay,
                                             @Value("${quotaflow.outbox.relay-interval:2s}") Duration interval) {
        return registrar -> registrar.addFixedDelayTask(relay::relay, interval);
    }

    /** Fails the start-up of a service whose producer is not {@code acks=all} and idempotent. */
    @Bean
    ProducerDurability producerDurability(ProducerFactory<?, ?> producers) {
        return new ProducerDurability(producers);
    }

    /**
     * The topics this service is the single writer of, created with the configured partitions, replicas and
     * {@code min.insync.replicas} (by default 2 where there are 3 or more replicas, so that {@code acks=all}
     * survives the loss of one broker; 1 on a single broker).
     */
    @Bean
    KafkaAdmin.NewTopics ownedTopics(@Value("${spring.application.name}") String service,
                                     @Value("${quotaflow.kafka.partitions:6}") int partitions,
                                     @Value("${quotaflow.kafka.replication-factor:1}") short replicationFactor,
                                     @Value("${quotaflow.kafka.min-insync-replicas:0}") int minInsyncReplicas) {
        return new KafkaAdmin.NewTopics(topicsOwnedBy(service, partitions, replicationFactor, minInsyncReplicas)
                .toArray(NewTopic[]::new));
    }

    static List<NewTopic> topicsOwnedBy(String service, int partitions, short replicationFactor, int minInsyncReplicas) {
        String minInsync = Integer.toString(minInsyncReplicas(replicationFactor, minInsyncReplicas));
        return Topics.all().stream()
                .filter(topic -> topic.producer().equals(service))
                .map(Topic::name)
                .map(name -> TopicBuilder.name(name).partitions(partitions).replicas(replicationFactor)
                        .config("min.insync.replicas", minInsync).build())
                .toList();
    }

    /** {@code min.insync.replicas}: as configured (at most the replicas), else 2 from 3 replicas on, else 1. */
    public static int minInsyncReplicas(short replicationFactor, int configured) {
        if (configured > 0) {
            return Math.min(configured, replicationFactor);
        }
        return replicationFactor >= 3 ? 2 : 1;
    }
}
