package io.quotaflow.platform.messaging;

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
        return new KafkaEventPublisher(kafka, codec, service, ackTimeout, meters);
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
    @ConditionalOnMissingBean
    ImmediatePublication immediatePublication(EventPublisher publisher, Leases leases,
                                              @Value("${quotaflow.outbox.lease:1m}") Duration lease) {
        return new ImmediatePublication(publisher, leases, lease);
    }

    @Bean
    @ConditionalOnMissingBean(name = "outboxRelaySchedule")
    SchedulingConfigurer outboxRelaySchedule(OutboxRelay relay,
                                             @Value("${quotaflow.outbox.relay-interval:2s}") Duration interval) {
        return registrar -> registrar.addFixedDelayTask(relay::relay, interval);
    }

    /** Fails the start-up of a service whose producer is not {@code acks=all} and idempotent. */
    @Bean
    @ConditionalOnMissingBean
    ProducerDurability producerDurability(KafkaTemplate<String, byte[]> kafka) {
        return new ProducerDurability(kafka.getProducerFactory());
    }

    /**
     * The topics this service is the single writer of, created with the configured partitions, replicas and
     * {@code min.insync.replicas} (by default 2 where there are 3 or more replicas, so that {@code acks=all}
     * survives the loss of one broker; 1 on a single broker).
     */
    @Bean
    @ConditionalOnMissingBean(name = "ownedTopics")
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
                .map(topic -> {
                    TopicBuilder builder = TopicBuilder.name(topic.name()).partitions(partitions)
                            .replicas(replicationFactor).config("min.insync.replicas", minInsync);
                    return (topic.compacted() ? builder.compact() : builder).build();
                })
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
